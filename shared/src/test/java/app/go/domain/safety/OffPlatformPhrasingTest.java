package app.go.domain.safety;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OffPlatformPhrasingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Join my Telegram channel, I post updates there",
            "Can we jump on a FaceTime later?",
            "Lass uns kurz per Videoanruf sprechen",
            "Skip the site and I'll settle with you, sans passer par le site",
            "पेटीएम से भेज दूँ?",
            "카카오페이로 드려도 되나요?",
            "PayPayで払ってもいい？",
            "LINEで送ってください",
            "Faz um Pix pra mim amanhã",
            "Check your inbox, I wrote you"})
    @DisplayName("PA-SAFE-1 joining a group elsewhere, video calls, \"without the site\", payment apps in the client's script and LINE in Japanese are off-platform attempts")
    void attempts(String text) {
        assertTrue(OffPlatformDetector.detect(text).isPresent(), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "A sticker pack for our WhatsApp group of cyclists, please",
            "Ein Logo für unseren Telegram-Kanal über Gartenarbeit",
            "Could the flyer say \"Call us for a free quote\" at the bottom?",
            "Put my e-mail address on the business card",
            "我想给我们的微信群做一个头像",
            "I'd like the Instagram post size version too"})
    @DisplayName("PA-SAFE-1 a channel named as what a design is for, wording quoted for the design and the client's own details on a print are not attempts")
    void notAttempts(String text) {
        assertTrue(OffPlatformDetector.detect(text).isEmpty(), () -> text + " -> " + OffPlatformDetector.detect(text));
    }
}
