package app.go.local.dynamodb.conformance;

class QueryScanEngineTest extends QueryScanConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.engine();
    }
}
