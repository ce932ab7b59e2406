package app.go.domain.safety;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DictatedNumbersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "call me on zero seven seven double four one two three five",
            "meine Nummer ist null eins sieben zwo drei vier fünf sechs",
            "mi número es seis uno dos tres cuatro cinco seis siete ocho",
            "appelle-moi au zéro six douze trente-quatre cinquante-six",
            "il mio numero è tre tre tre uno due tre quattro cinque",
            "meu número é onze nove meia sete seis cinco quatro três",
            "мой номер восемь девять один шесть один два три четыре",
            "رقمي صفر خمسة خمسة واحد اثنين ثلاثة أربعة خمسة",
            "numaram sıfır beş üç iki bir iki üç dört beş",
            "mój numer to pięć zero jeden dwa trzy cztery pięć sześć",
            "mijn nummer is nul zes een twee drie vier vijf zes",
            "मेरा नंबर नौ आठ सात छह पांच चार तीन दो है",
            "我的号码是一三九一二三四五六七八",
            "番号はゼロハチゼロ、ニーサンヨンゴー、ロクナナハチキューです",
            "電話番号は〇九〇の一二三四の五六七八です",
            "제 번호는 공일공 일이삼사 오육칠팔이에요"})
    @DisplayName("PA-SAFE-1 a phone number dictated digit by digit is contact data in each of the assistant's 15 languages, "
            + "also where the script writes it without spaces")
    void dictatedNumbers(String text) {
        assertTrue(PersonalDetails.spelledPhone(Fold.text(text)), text);
        assertEquals(OffPlatformDetector.Kind.CONTACT, OffPlatformDetector.detect(text).orElseThrow().kind(), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "I want two or three small roses, one on each wrist",
            "さんにお願いしたいです。ロゴを二つ、色は三色で",
            "이사 오일 사이에 보내 주세요",
            "一二三四月都可以",
            "The date one nine eight eight in Roman numerals"})
    @DisplayName("PA-SAFE-1 counts and dates in words are not a phone number")
    void ordinaryCounts(String text) {
        assertFalse(PersonalDetails.spelledPhone(Fold.text(text)), text);
    }
}
