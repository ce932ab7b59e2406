package app.go.creation.domain;

import app.go.domain.creation.Asset;
import app.go.domain.creation.CreationStore;
import app.go.domain.creation.Model;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.seller.SellerStore;
import app.go.shared.blob.BlobStore;
import app.go.shared.workflow.WorkflowStarter;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory stand-ins for the ports, and generated media, for the Creation Model tests. */
public final class Fakes {
    private Fakes() {}

    public static final class Creations implements CreationStore {
        public final Map<String, Asset> assets = new LinkedHashMap<>();
        public final Map<String, Model> models = new LinkedHashMap<>();
        public final Map<String, Set<String>> active = new LinkedHashMap<>();

        @Override
        public synchronized void saveAsset(Asset asset) {
            assets.put(asset.sellerId() + "/" + asset.id(), asset);
        }

        @Override
        public synchronized Optional<Asset> asset(String sellerId, String assetId) {
            return Optional.ofNullable(assets.get(sellerId + "/" + assetId));
        }

        @Override
        public synchronized List<Asset> assets(String sellerId) {
            return assets.values().stream().filter(a -> a.sellerId().equals(sellerId)).toList();
        }

        @Override
        public synchronized boolean createModel(Model model) {
            return models.putIfAbsent(model.sellerId() + "/" + model.id(), model) == null;
        }

        @Override
        public synchronized Optional<Model> model(String sellerId, String modelId) {
            return Optional.ofNullable(models.get(sellerId + "/" + modelId));
        }

        @Override
        public synchronized List<Model> models(String sellerId) {
            return models.values().stream().filter(m -> m.sellerId().equals(sellerId)).toList();
        }

        @Override
        public synchronized boolean replaceModel(Model updated, Model expected) {
            Model stored = models.get(updated.sellerId() + "/" + updated.id());
            if (stored == null || stored.status() != expected.status()
                    || !Objects.equals(stored.trainingId(), expected.trainingId())) {
                return false;
            }
            // like the table: a training-state write leaves the seller's settings as stored
            models.put(updated.sellerId() + "/" + updated.id(), updated.withSettingsOf(stored));
            return true;
        }

        @Override
        public synchronized boolean updateModelSettings(Model model) {
            Model stored = models.get(model.sellerId() + "/" + model.id());
            if (stored == null) {
                return false;
            }
            models.put(model.sellerId() + "/" + model.id(), model.withTrainingStateOf(stored));
            return true;
        }

        @Override
        public synchronized Set<String> activeModelIds(String sellerId) {
            return Set.copyOf(active.getOrDefault(sellerId, Set.of()));
        }

        @Override
        public synchronized boolean activateModel(String sellerId, String modelId, int limit) {
            Set<String> ids = active.computeIfAbsent(sellerId, s -> new LinkedHashSet<>());
            if (!ids.contains(modelId) && ids.size() >= limit) {
                return false;
            }
            ids.add(modelId);
            return true;
        }

        @Override
        public synchronized void deactivateModel(String sellerId, String modelId) {
            active.getOrDefault(sellerId, new LinkedHashSet<>()).remove(modelId);
        }
    }

    public static final class Blobs implements BlobStore {
        public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

        @Override
        public void put(String key, byte[] content, String contentType) {
            blobs.put(key, content.clone());
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
        }

        @Override
        public void delete(String key) {
            blobs.remove(key);
        }
    }

    public static final class Workflows implements WorkflowStarter {
        public final Map<String, Object> started = new LinkedHashMap<>();

        @Override
        public String start(String executionName, Object input) {
            started.putIfAbsent(executionName, input);
            return "arn:aws:states:local:0:execution:training:" + executionName;
        }
    }

    public static final class Sellers implements SellerStore {
        private final Map<String, SellerAccount> accounts = new ConcurrentHashMap<>();
        private final Map<String, Map<String, Notification>> notifications = new ConcurrentHashMap<>();
        private final Map<String, Map<String, SellerService>> services = new ConcurrentHashMap<>();

        @Override
        public void saveAccount(SellerAccount account) {
            accounts.put(account.sellerId(), account);
        }

        @Override
        public Optional<SellerAccount> account(String sellerId) {
            return Optional.ofNullable(accounts.get(sellerId));
        }

        @Override
        public void saveProfile(String sellerId, SellerProfile profile) {}

        @Override
        public Optional<SellerProfile> profile(String sellerId) {
            return Optional.empty();
        }

        @Override
        public void saveService(String sellerId, SellerService service) {
            services.computeIfAbsent(sellerId, s -> new ConcurrentHashMap<>()).put(service.serviceId(), service);
        }

        @Override
        public List<SellerService> services(String sellerId) {
            return List.copyOf(services.getOrDefault(sellerId, Map.of()).values());
        }

        /** CM-CAT-2: a service in each of the given subcategories, so models of them can be created. */
        public void offers(String sellerId, String... subcategories) {
            for (String subcategory : subcategories) {
                saveService(sellerId, new SellerService("svc-" + subcategory.toLowerCase(java.util.Locale.ROOT),
                        subcategory, null, subcategory, List.of(), List.of()));
            }
        }

        @Override
        public void saveClient(String sellerId, ClientRecord client) {}

        @Override
        public Optional<ClientRecord> client(String sellerId, String clientId) {
            return Optional.empty();
        }

        @Override
        public boolean registerFirstContact(String sellerId, String clientId, String conversationId) {
            return true;
        }

        @Override
        public AssistantSettings assistant(String sellerId) {
            return AssistantSettings.initial();
        }

        @Override
        public void saveAssistant(String sellerId, AssistantSettings settings) {}

        /** Keyed like the table: time and id, so re-putting the same notification changes nothing. */
        @Override
        public void addNotification(String sellerId, Notification notification) {
            notifications.computeIfAbsent(sellerId, s -> new ConcurrentHashMap<>())
                    .put(notification.createdAt() + "#" + notification.id(), notification);
        }

        @Override
        public List<Notification> notifications(String sellerId) {
            return new ArrayList<>(notifications.getOrDefault(sellerId, Map.of()).values());
        }

        @Override
        public boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit) {
            return true;
        }

        @Override
        public int assistantMessagesOn(String sellerId, LocalDate day) {
            return 0;
        }
    }

    /** Generations and orders; models are found in {@code models}, like the table's public-id index. */
    public static final class Generations implements app.go.domain.creation.GenerationStore {
        public final Map<String, app.go.domain.creation.Generation> generations = new LinkedHashMap<>();
        public final Map<String, app.go.domain.creation.CreationOrder> orders = new LinkedHashMap<>();
        private final Creations models;

        public Generations(Creations models) {
            this.models = models;
        }

        @Override
        public synchronized Optional<String> sellerOfModel(String modelId) {
            return models.models.values().stream().filter(m -> m.id().equals(modelId)).map(Model::sellerId).findFirst();
        }

        @Override
        public synchronized boolean createGeneration(app.go.domain.creation.Generation generation) {
            return generations.putIfAbsent(generation.sellerId() + "/" + generation.id(), generation) == null;
        }

        @Override
        public synchronized Optional<app.go.domain.creation.Generation> generation(String sellerId, String generationId) {
            return Optional.ofNullable(generations.get(sellerId + "/" + generationId));
        }

        @Override
        public synchronized Optional<app.go.domain.creation.Generation> findGeneration(String generationId) {
            return generations.values().stream().filter(g -> g.id().equals(generationId)).findFirst();
        }

        @Override
        public synchronized boolean replaceGeneration(app.go.domain.creation.Generation updated,
                                                      app.go.domain.creation.GenerationStatus expected) {
            var stored = generations.get(updated.sellerId() + "/" + updated.id());
            if (stored == null || stored.status() != expected) {
                return false;
            }
            generations.put(updated.sellerId() + "/" + updated.id(), updated);
            return true;
        }

        @Override
        public synchronized boolean createOrder(app.go.domain.creation.CreationOrder order) {
            return orders.putIfAbsent(order.sellerId() + "/" + order.id(), order) == null;
        }

        @Override
        public synchronized Optional<app.go.domain.creation.CreationOrder> order(String sellerId, String orderId) {
            return Optional.ofNullable(orders.get(sellerId + "/" + orderId));
        }

        @Override
        public synchronized Optional<app.go.domain.creation.CreationOrder> findOrder(String orderId) {
            return orders.values().stream().filter(o -> o.id().equals(orderId)).findFirst();
        }

        @Override
        public synchronized boolean replaceOrder(app.go.domain.creation.CreationOrder updated, long expectedVersion) {
            var stored = orders.get(updated.sellerId() + "/" + updated.id());
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            orders.put(updated.sellerId() + "/" + updated.id(), updated);
            return true;
        }

        @Override
        public synchronized List<app.go.domain.creation.CreationOrder> orders(String sellerId) {
            return orders.values().stream().filter(o -> o.sellerId().equals(sellerId)).toList();
        }
    }

    /** Reports as stored. */
    public static final class Reports implements app.go.domain.report.ReportStore {
        public final List<app.go.domain.report.Report> saved = new ArrayList<>();

        @Override
        public synchronized void save(app.go.domain.report.Report report) {
            saved.add(report);
        }

        @Override
        public synchronized List<app.go.domain.report.Report> reports(String sellerId) {
            return saved.stream().filter(r -> r.sellerId().equals(sellerId)).toList();
        }
    }

    /** Messages sent to a queue, in order; {@link #drain} hands them over once. */
    public static final class Queue implements app.go.shared.queue.MessageQueue {
        public final List<Object> sent = new ArrayList<>();

        @Override
        public synchronized void send(Object body, String groupId, String deduplicationId) {
            sent.add(body);
        }

        public synchronized List<Object> drain() {
            List<Object> drained = List.copyOf(sent);
            sent.clear();
            return drained;
        }
    }

    /** Idempotency records in memory, without expiry. */
    public static final class Idempotency implements app.go.shared.idempotency.IdempotencyStore {
        private static final String IN_PROGRESS = "\u0000in-progress";
        public final Map<String, String> records = new ConcurrentHashMap<>();

        @Override
        public Claim claim(String key, java.time.Duration inProgressFor) {
            String previous = records.putIfAbsent(key, IN_PROGRESS);
            if (previous == null) {
                return new Claim.Acquired();
            }
            return IN_PROGRESS.equals(previous) ? new Claim.InProgress() : new Claim.AlreadyDone(previous);
        }

        @Override
        public void complete(String key, String result, java.time.Duration keepFor) {
            records.put(key, result);
        }

        @Override
        public void release(String key) {
            records.remove(key, IN_PROGRESS);
        }
    }

    /** A PNG of the given size, filled with one colour. */
    public static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A silent 8 kHz mono 8-bit WAV of the given length. */
    public static byte[] wav(double seconds) {
        float rate = 8_000f;
        int frames = (int) Math.round(seconds * rate);
        AudioFormat format = new AudioFormat(rate, 8, 1, true, false);
        AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(new byte[frames]), format, frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
