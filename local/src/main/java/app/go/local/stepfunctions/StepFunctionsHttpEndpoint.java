package app.go.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Step Functions JSON 1.0 wire protocol over {@link LocalStepFunctions}, on 127.0.0.1, so
 * the real SDK's {@code SfnClient} (endpointOverride = {@link #uri()}) can start and inspect
 * executions. Request signatures are not checked.
 */
public final class StepFunctionsHttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsHttpEndpoint.class);
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final LocalStepFunctions service;
    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ObjectMapper mapper = JsonPaths.MAPPER;

    private StepFunctionsHttpEndpoint(LocalStepFunctions service, HttpServer server, ExecutorService requestThreads) {
        this.service = service;
        this.server = server;
        this.requestThreads = requestThreads;
    }

    /** Starts listening on 127.0.0.1:{@code port}; port 0 picks a free one. */
    public static StepFunctionsHttpEndpoint start(LocalStepFunctions service, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService requestThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sfn-http-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        StepFunctionsHttpEndpoint endpoint = new StepFunctionsHttpEndpoint(service, server, requestThreads);
        server.createContext("/", endpoint::handle);
        server.setExecutor(requestThreads);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode body;
            try {
                body = dispatch(exchange);
            } catch (StepFunctionsServiceException e) {
                status = 400;
                body = error(e.errorType(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Step Functions request failed", e);
                status = 500;
                body = error("InternalFailure", String.valueOf(e.getMessage()));
            }
            byte[] bytes = mapper.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new StepFunctionsServiceException("UnknownOperationException",
                    "Expected POST with X-Amz-Target: " + TARGET_PREFIX + "<Operation>");
        }
        JsonNode request = readBody(exchange.getRequestBody());
        String operation = target.substring(TARGET_PREFIX.length());
        return switch (operation) {
            case "StartExecution" -> startExecution(request);
            case "DescribeExecution" -> describeExecution(service.describeExecution(text(request, "executionArn")));
            case "StopExecution" -> stopExecution(request);
            case "ListExecutions" -> listExecutions(request);
            case "ListStateMachines" -> listStateMachines();
            case "DescribeStateMachine" -> describeStateMachine(service.describeStateMachine(text(request, "stateMachineArn")));
            default -> throw new StepFunctionsServiceException("UnknownOperationException",
                    "Operation " + operation + " is not supported by the local Step Functions");
        };
    }

    private JsonNode startExecution(JsonNode request) {
        StartedExecution started = service.startExecution(
                text(request, "stateMachineArn"), text(request, "name"), text(request, "input"));
        ObjectNode response = mapper.createObjectNode();
        response.put("executionArn", started.executionArn());
        response.put("startDate", epochSeconds(started.startDate()));
        return response;
    }

    private JsonNode stopExecution(JsonNode request) {
        Instant stopDate = service.stopExecution(text(request, "executionArn"), text(request, "error"), text(request, "cause"));
        ObjectNode response = mapper.createObjectNode();
        if (stopDate != null) {
            response.put("stopDate", epochSeconds(stopDate));
        }
        return response;
    }

    private JsonNode listExecutions(JsonNode request) {
        ExecutionStatus filter = null;
        String statusFilter = text(request, "statusFilter");
        if (statusFilter != null) {
            try {
                filter = ExecutionStatus.valueOf(statusFilter);
            } catch (IllegalArgumentException e) {
                throw new StepFunctionsServiceException("ValidationException", "Unknown statusFilter " + statusFilter);
            }
        }
        List<ExecutionDescription> all = service.listExecutions(text(request, "stateMachineArn"), filter);
        int from = parseToken(text(request, "nextToken"));
        int pageSize = request.path("maxResults").asInt(0) > 0 ? request.get("maxResults").asInt() : DEFAULT_PAGE_SIZE;
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode response = mapper.createObjectNode();
        ArrayNode items = response.putArray("executions");
        for (ExecutionDescription execution : all.subList(Math.min(from, to), to)) {
            ObjectNode item = items.addObject();
            item.put("executionArn", execution.executionArn());
            item.put("stateMachineArn", execution.stateMachineArn());
            item.put("name", execution.name());
            item.put("status", execution.status().name());
            item.put("startDate", epochSeconds(execution.startDate()));
            if (execution.stopDate() != null) {
                item.put("stopDate", epochSeconds(execution.stopDate()));
            }
        }
        if (to < all.size()) {
            response.put("nextToken", Integer.toString(to));
        }
        return response;
    }

    private JsonNode listStateMachines() {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode items = response.putArray("stateMachines");
        for (StateMachineInfo machine : service.listStateMachines()) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", machine.stateMachineArn());
            item.put("name", machine.name());
            item.put("type", "STANDARD");
            item.put("creationDate", epochSeconds(machine.creationDate()));
        }
        return response;
    }

    private JsonNode describeStateMachine(StateMachineInfo machine) {
        ObjectNode response = mapper.createObjectNode();
        response.put("stateMachineArn", machine.stateMachineArn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definition().toJson());
        response.put("roleArn", "arn:aws:iam::" + LocalStepFunctions.ACCOUNT + ":role/local-step-functions");
        response.put("type", "STANDARD");
        response.put("creationDate", epochSeconds(machine.creationDate()));
        return response;
    }

    private JsonNode describeExecution(ExecutionDescription execution) {
        ObjectNode response = mapper.createObjectNode();
        response.put("executionArn", execution.executionArn());
        response.put("stateMachineArn", execution.stateMachineArn());
        response.put("name", execution.name());
        response.put("status", execution.status().name());
        response.put("startDate", epochSeconds(execution.startDate()));
        if (execution.stopDate() != null) {
            response.put("stopDate", epochSeconds(execution.stopDate()));
        }
        response.put("input", execution.input());
        if (execution.output() != null) {
            response.put("output", execution.output());
        }
        if (execution.error() != null) {
            response.put("error", execution.error());
        }
        if (execution.cause() != null) {
            response.put("cause", execution.cause());
        }
        return response;
    }

    private JsonNode readBody(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new StepFunctionsServiceException("SerializationException", "Request body is not JSON");
        }
    }

    private ObjectNode error(String type, String message) {
        ObjectNode error = mapper.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int parseToken(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw new StepFunctionsServiceException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }

    /** The JSON protocol's timestamp: seconds since the epoch, with milliseconds as the fraction. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
