package app.go.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * docs/openapi.yaml as a checker of real responses: the operation is found by method and path
 * (literal segments win over templates), the response by status code (or {@code default}), and a
 * JSON body is validated against that response's schema with the OpenAPI 3.0 dialect
 * ({@code nullable} included). An undocumented route, status or content type is drift too.
 */
public final class OpenApiContract {
    public static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml").toAbsolutePath().normalize();
    private static volatile OpenApiContract instance;

    private final SwaggerParseResult parsed;
    private final List<Template> templates;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private final Map<io.swagger.v3.oas.models.media.Schema<?>, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, long parameters, PathItem item) {}

    private OpenApiContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        parsed = new OpenAPIV3Parser().readLocation(DOCUMENT.toString(), null, options);
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) throw new IllegalStateException("docs/openapi.yaml does not parse: " + parsed.getMessages());
        templates = api.getPaths().entrySet().stream()
                .map(e -> new Template(e.getKey(), Pattern.compile(e.getKey().replaceAll("\\{[^/}]+}", "[^/]+")),
                        e.getKey().chars().filter(c -> c == '{').count(), e.getValue()))
                .sorted(Comparator.comparingLong(Template::parameters))
                .toList();
    }

    public static OpenApiContract get() {
        if (instance == null) {
            synchronized (OpenApiContract.class) {
                if (instance == null) instance = new OpenApiContract();
            }
        }
        return instance;
    }

    /** The parser's errors and warnings about the document itself. */
    public List<String> documentMessages() {
        return parsed.getMessages();
    }

    /**
     * Checks one response; returns what disagrees with the document (empty when it conforms).
     * @param path the request path, without the query
     */
    public List<String> check(String method, String path, int status, String contentType, JsonNode body) {
        String where = method + " " + path + " -> " + status;
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty()) return List.of(where + ": path not in docs/openapi.yaml");
        Operation operation = operation(template.get().item(), method);
        if (operation == null) return List.of(where + ": " + method + " " + template.get().path() + " not documented");
        ApiResponse response = Optional.ofNullable(operation.getResponses().get(String.valueOf(status)))
                .orElse(operation.getResponses().get("default"));
        if (response == null) return List.of(where + ": status not documented for " + template.get().path());
        if (body == null || (contentType != null && !contentType.contains("json"))) return List.of();
        String mediaType = contentType == null ? "application/json" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        MediaType media = response.getContent() == null ? null : response.getContent().get(mediaType);
        if (media == null) return List.of(where + ": no " + mediaType + " body documented, got " + body);
        if (media.getSchema() == null) return List.of();
        JsonSchema schema = compiled.computeIfAbsent(media.getSchema(),
                s -> schemas.getSchema(io.swagger.v3.core.util.Json.mapper().valueToTree(s)));
        Set<ValidationMessage> errors = schema.validate(body);
        return errors.stream().map(e -> where + ": " + e.getMessage()).sorted().toList();
    }

    private static Operation operation(PathItem item, String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> item.getGet();
            case "PUT" -> item.getPut();
            case "POST" -> item.getPost();
            case "DELETE" -> item.getDelete();
            case "PATCH" -> item.getPatch();
            case "HEAD" -> item.getHead();
            case "OPTIONS" -> item.getOptions();
            default -> null;
        };
    }
}
