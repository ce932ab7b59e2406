package app.go.local.dynamodb.conformance;

class ConditionExpressionEngineTest extends ConditionExpressionConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.engine();
    }
}
