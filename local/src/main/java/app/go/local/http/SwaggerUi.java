package app.go.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Swagger UI (the org.webjars:swagger-ui jar) at {@code /docs}, showing {@code /openapi.yaml}: a page
 * of our own that loads the bundle's script and styles from {@code /docs/<file>}. Static files, not
 * API routes, so they are not in the OpenAPI document.
 */
final class SwaggerUi {
    static final String PATH = "/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> SERVED = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png");
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Go API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/swagger-ui-bundle.js"></script>
            <script src="/docs/swagger-ui-standalone-preset.js"></script>
            <script>
              window.ui = SwaggerUIBundle({
                url: "/openapi.yaml",
                dom_id: "#swagger-ui",
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "StandaloneLayout"
              });
            </script>
            </body>
            </html>
            """;

    private final String version = webjarVersion();

    static boolean handles(String method, String rawPath) {
        return ("GET".equals(method) || "HEAD".equals(method)) && (rawPath.equals(PATH) || rawPath.startsWith(PATH + "/"));
    }

    /** The page, a file of the bundle, or empty for anything else under /docs. */
    Optional<Asset> asset(String rawPath) {
        String file = rawPath.equals(PATH) || rawPath.equals(PATH + "/") ? "" : rawPath.substring(PATH.length() + 1);
        if (file.isEmpty() || file.equals("index.html")) {
            return Optional.of(new Asset("text/html; charset=utf-8", PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        String contentType = SERVED.get(file);
        if (contentType == null) return Optional.empty();
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(contentType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Asset(String contentType, byte[] content) {}

    private static String webjarVersion() {
        try (InputStream in = SwaggerUi.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
