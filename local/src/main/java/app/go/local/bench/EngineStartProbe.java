package app.go.local.bench;

import app.go.local.dynamodb.DynamoEngine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM main: starts one engine and waits for its first answer to ListTables over HTTP; prints
 * {@code startMs=<ms>} (from main to that answer: class loading included, as a runtime start pays it).
 */
public final class EngineStartProbe {
    static final String ENGINE = "engine";

    private EngineStartProbe() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        AutoCloseable engine;
        URI endpoint;
        if (args[0].equals(ENGINE)) {
            DynamoEngine dynamo = DynamoEngine.inMemory();
            engine = dynamo;
            endpoint = dynamo.endpoint();
        } else {
            throw new IllegalArgumentException("unknown engine " + args[0]);
        }
        listTables(endpoint);
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.println("startMs=" + millis);
        System.out.flush();
        engine.close();
        System.exit(0);
    }

    static void listTables(URI endpoint) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
        connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=0");
        try (OutputStream out = connection.getOutputStream()) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        if (connection.getResponseCode() != 200) {
            throw new IOException("ListTables answered " + connection.getResponseCode());
        }
        connection.getInputStream().readAllBytes();
    }

    /** Median of {@code runs} fresh-JVM starts of the engine. */
    static double medianStartMillis(String engine, int runs) throws IOException, InterruptedException {
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process process = new ProcessBuilder(EngineBench.childCommand(EngineStartProbe.class.getName(), engine))
                    .redirectErrorStream(true).start();
            String line;
            Double found = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("startMs=")) {
                        found = Double.parseDouble(line.substring("startMs=".length()));
                    }
                }
            }
            if (process.waitFor() != 0 || found == null) {
                throw new IllegalStateException("the start probe for " + engine + " failed");
            }
            starts.add(found);
        }
        return Stats.median(starts);
    }
}
