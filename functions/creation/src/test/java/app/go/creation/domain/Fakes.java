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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory stand-ins for the ports, and generated media, for the Creation Model tests. */
public final class Fakes {
    private Fakes() {}

    public static final class Creations implements CreationStore {
        public final Map<String, Asset> assets = new LinkedHashMap<>();
        public final Map<String, Model> models = new LinkedHashMap<>();

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
            models.put(updated.sellerId() + "/" + updated.id(), updated);
            return true;
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
        public void saveService(String sellerId, SellerService service) {}

        @Override
        public List<SellerService> services(String sellerId) {
            return List.of();
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
