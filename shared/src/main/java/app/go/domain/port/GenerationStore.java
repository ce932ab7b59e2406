package app.go.domain.port;

import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationFeedback;
import app.go.domain.creation.GenerationStatus;

import java.util.List;
import java.util.Optional;

/**
 * Port to generations and orders. Both live in the seller's partition; clients reach them by id
 * through the public-id index, then every check of ownership is the domain's.
 */
public interface GenerationStore {

    /** Which seller owns the model with this id, whatever its state (the caller checks visibility). */
    Optional<String> sellerOfModel(String modelId);

    /** Stores a new generation; false when the id is taken. */
    boolean createGeneration(Generation generation);

    Optional<Generation> generation(String sellerId, String generationId);

    /** A generation by id alone (any seller), through the public-id index. */
    Optional<Generation> findGeneration(String generationId);

    /** Replaces a generation only if its stored status is still {@code expected}; false changes nothing. */
    boolean replaceGeneration(Generation updated, GenerationStatus expected);

    /** Stores a new order; false when an order with its id exists. */
    boolean createOrder(CreationOrder order);

    Optional<CreationOrder> order(String sellerId, String orderId);

    /** An order by id alone (any seller), through the public-id index. */
    Optional<CreationOrder> findOrder(String orderId);

    /** Replaces an order only if its stored version is still {@code expectedVersion}; false changes nothing. */
    boolean replaceOrder(CreationOrder updated, long expectedVersion);

    /** The orders placed through the seller's models (CM-GEN-5). */
    List<CreationOrder> orders(String sellerId);

    /** PA-BEH-9: stores the feedback on a generation, replacing an earlier one. */
    void saveFeedback(GenerationFeedback feedback);

    /** PA-BEH-9: the feedback on the seller's generations, oldest first. */
    List<GenerationFeedback> feedback(String sellerId);
}
