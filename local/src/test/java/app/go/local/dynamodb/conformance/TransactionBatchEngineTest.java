package app.go.local.dynamodb.conformance;

class TransactionBatchEngineTest extends TransactionBatchConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.engine();
    }
}
