package app.go.testing;

import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationFeedback;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.port.GenerationStore;

import java.util.List;
import java.util.Optional;

/** GenerationStore in memory; models are looked up in the given creation store, like the table's public-id index. */
public final class InMemoryGenerationStore implements GenerationStore {
    private final SellerItems<Generation> generations = new SellerItems<>(Generation::sellerId, Generation::id);
    private final SellerItems<CreationOrder> orders = new SellerItems<>(CreationOrder::sellerId, CreationOrder::id);
    private final InMemoryCreationStore models;
    private final SellerItems<GenerationFeedback> feedback = new SellerItems<>(GenerationFeedback::sellerId, GenerationFeedback::generationId);

    public InMemoryGenerationStore(InMemoryCreationStore models) {
        this.models = models;
    }

    /** Every seller's generations. */
    public synchronized List<Generation> allGenerations() {
        return generations.all();
    }

    /** Every seller's orders. */
    public synchronized List<CreationOrder> allOrders() {
        return orders.all();
    }

    @Override
    public Optional<String> sellerOfModel(String modelId) {
        return models.sellerOfModel(modelId);
    }

    @Override
    public synchronized boolean createGeneration(Generation generation) {
        return generations.putIfAbsent(generation);
    }

    @Override
    public synchronized Optional<Generation> generation(String sellerId, String generationId) {
        return generations.get(sellerId, generationId);
    }

    @Override
    public synchronized Optional<Generation> findGeneration(String generationId) {
        return generations.withId(generationId);
    }

    @Override
    public synchronized boolean replaceGeneration(Generation updated, GenerationStatus expected) {
        return generations.replace(updated.sellerId(), updated.id(), stored -> stored.status() == expected, stored -> updated);
    }

    @Override
    public synchronized boolean createOrder(CreationOrder order) {
        return orders.putIfAbsent(order);
    }

    @Override
    public synchronized Optional<CreationOrder> order(String sellerId, String orderId) {
        return orders.get(sellerId, orderId);
    }

    @Override
    public synchronized Optional<CreationOrder> findOrder(String orderId) {
        return orders.withId(orderId);
    }

    @Override
    public synchronized boolean replaceOrder(CreationOrder updated, long expectedVersion) {
        return orders.replace(updated.sellerId(), updated.id(), stored -> stored.version() == expectedVersion, stored -> updated);
    }

    @Override
    public synchronized List<CreationOrder> orders(String sellerId) {
        return orders.of(sellerId);
    }

    @Override
    public synchronized void saveFeedback(GenerationFeedback given) {
        feedback.put(given);
    }

    @Override
    public synchronized List<GenerationFeedback> feedback(String sellerId) {
        return feedback.of(sellerId).stream().sorted(java.util.Comparator.comparing(GenerationFeedback::at)).toList();
    }
}
