package app.go.local.dynamodb.conformance;

class ItemEngineTest extends ItemConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.engine();
    }
}
