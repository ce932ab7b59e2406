package app.go.local.dynamodb.conformance;

class UpdateExpressionEngineTest extends UpdateExpressionConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.engine();
    }
}
