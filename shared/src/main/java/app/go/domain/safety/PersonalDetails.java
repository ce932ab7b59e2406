package app.go.domain.safety;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact and payment data found by their shape, not by words (PA-SAFE-1, PA-SRC-1): e-mail
 * addresses (also written "name at mail dot com"), phone numbers, links, social handles, street
 * addresses, IBANs (checked by their mod-97 digits) and card numbers (checked by Luhn). Reads
 * {@link Fold#text folded} text.
 */
public final class PersonalDetails {
    public enum Kind { EMAIL, PHONE, LINK, HANDLE, ADDRESS, IBAN, CARD, TAX_ID }

    public record Found(Kind kind, String text) {
        public boolean payment() {
            return kind == Kind.IBAN || kind == Kind.CARD || kind == Kind.TAX_ID;
        }
    }

    private static final String TLD = "(?:com|net|org|io|me|co|app|dev|site|shop|store|online|link|ly|info|biz|xyz|ee|tv|gg|to|fm|page|art|design|studio|ink|bio|de|es|fr|ru|it|uk|br|pt|pl|nl|tr|cn|jp|kr|in|ch|at|be|eu|us|ca|au|mx|ar|ua|ae|sa)";
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "[\\w.%+-]+\\s*[(\\[{<]?\\s*(?:at|arroba|arobase|chiocciola|klammeraffe|malpa|małpa|apenstaartje|собака|эт|في|앳|एट)\\s*[)\\]}>]?\\s*[\\w-]+\\s*[(\\[{<]?\\s*(?:dot|punto|point|punkt|точка|nokta|kropka|ponto|نقطة|닷|डॉट|\\.)\\s*[)\\]}>]?\\s*" + TLD + "\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LINK = Pattern.compile(
            "\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)*\\." + TLD + "(?:/\\S*)?(?![\\w.])", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.@])@[\\w.]{3,30}\\w", Pattern.UNICODE_CHARACTER_CLASS);
    /** A run of digits with phone punctuation; a phone number from 8 digits on (dates and prices have fewer). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w$€£¥₹₽₺₩.,])\\+?\\(?\\d[\\d\\s().\\-/]{6,}\\d(?![\\w%])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int PHONE_MIN_DIGITS = 8;
    private static final Pattern MONEY_NEAR = Pattern.compile("[$€£¥₹₽₺₩]|\\b(usd|eur|gbp|dollars?|euros?|руб|tl|zł|zl)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IBAN = Pattern.compile("\\b[a-z]{2}\\d{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,4})?\\b");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
    private static final String STREET = "(?:street|road|avenue|ave|lane|boulevard|blvd|terrace|crescent|strasse|weg|gasse|allee|"
            + "calle|avenida|carrer|paseo|rue|chemin|impasse|viale|piazza|rua|travessa|alameda|straat|laan|gracht|sokak|"
            + "sokagi|cadde|caddesi|bulvari|ulica|aleja|улица|проспект|переулок|шоссе)";
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'-]+\\s+){0,2}" + STREET + "\\b"
                    + "|\\b(?:" + STREET.substring(3, STREET.length() - 1) + "|ul\\.|ул\\.|str\\.)\\s+[\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?,?\\s+\\d{1,5}[a-z]?\\b"
                    + "|\\b\\p{L}+(?:-\\p{L}+)*-?(?:strasse|str\\.|weg|gasse|platz|allee|straat|laan|gracht|plein)\\s*\\d{1,5}"
                    + "|\\b(?:apt|apartment|suite|flat|wohnung|piso|appartement|кв)\\.?\\s*#?\\d+"
                    + "|\\b[a-z]{1,2}\\d[a-z\\d]?\\s\\d[a-z]{2}\\b"
                    + "|\\b(?:via|corso|vicolo|largo)\\s+[\\p{L}']+,?\\s+\\d{1,4}\\b(?!\\s*(?:days?|hours?|giorni|ore|%))"
                    + "|\\b(?:caddesi|cad\\.|sokak|sokagi|sk\\.|bulvari|mahallesi|mah\\.)\\s+no\\s*:?\\s*\\d{1,5}"
                    + "|\\bул\\.\\s*\\p{L}{3,}"
                    + "|[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]\\d{1,2}(?:-\\d{1,4}){1,2}(?!\\d)"
                    + "|\\d+\\s?(?:丁目|番地|번지|번길)|(?:路|街|巷|弄)\\s?\\d+\\s?(?:号|號)"
                    + "|شارع\\s+[^\\d\\n]{0,30}\\d+|\\d+\\s+شارع"
                    + "|(?:रोड|मार्ग|गली|सेक्टर)\\s*\\d+|\\d+[,\\s]+\\S{0,20}\\s?(?:रोड|मार्ग|गली)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private PersonalDetails() {}

    /**
     * The sentences of {@code text}, with a detail that a sentence break split (an address after
     * "ул.", "д.", "No.", an abbreviation the break took for a full stop) kept in one piece: up to
     * three neighbours are joined when together they hold a detail none of them holds alone.
     */
    /** A piece that ends in a word of at most three letters and a full stop ("ул.", "No.", "Str."): maybe not a sentence end. */
    private static final Pattern ABBREVIATION_END = Pattern.compile("(?:^|[\\s,(])\\p{L}{1,3}\\.\\s*$", Pattern.UNICODE_CHARACTER_CLASS);

    public static List<String> sentences(String text) {
        List<String> pieces = Sentences.of(text);
        if (pieces.size() < 2 || find(Fold.text(text)).isEmpty()) {
            return pieces;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String unit = pieces.get(i);
            if (find(Fold.text(unit)).isEmpty() && ABBREVIATION_END.matcher(unit).find()) {
                for (int extra = 1; extra <= 2 && i + extra < pieces.size(); extra++) {
                    if (find(Fold.text(pieces.get(i + extra))).isPresent()) {
                        break; // that neighbour holds its own detail; this piece stays as it is
                    }
                    String joined = String.join("", pieces.subList(i, i + extra + 1));
                    if (find(Fold.text(joined)).isPresent()) {
                        unit = joined;
                        i += extra;
                        break;
                    }
                }
            }
            out.add(unit);
        }
        return out;
    }

    /** The first contact or payment detail in {@code folded} text. */
    public static Optional<Found> find(String folded) {
        Matcher m;
        if ((m = EMAIL.matcher(folded)).find() || (m = SPELLED_EMAIL.matcher(folded)).find()) {
            return found(Kind.EMAIL, m);
        }
        m = IBAN.matcher(folded);
        while (m.find()) {
            if (validIban(m.group())) {
                return found(Kind.IBAN, m);
            }
        }
        m = CARD.matcher(folded);
        while (m.find()) {
            if (luhn(m.group())) {
                return found(Kind.CARD, m);
            }
        }
        Optional<String> tax = SafetyRules.find(SafetyRules.Category.PERSONAL_LABEL, folded);
        if (tax.isPresent()) {
            return Optional.of(new Found(Kind.TAX_ID, tax.get()));
        }
        m = PHONE.matcher(folded);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            String before = folded.substring(Math.max(0, m.start() - 6), m.start());
            String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + 6));
            if (digits >= PHONE_MIN_DIGITS && !MONEY_NEAR.matcher(before + " " + after).find()) {
                return found(Kind.PHONE, m);
            }
        }
        if (spelledPhone(folded)) {
            return Optional.of(new Found(Kind.PHONE, folded));
        }
        if ((m = HANDLE.matcher(folded)).find()) {
            return found(Kind.HANDLE, m);
        }
        if ((m = LINK.matcher(folded)).find()) {
            return found(Kind.LINK, m);
        }
        if ((m = ADDRESS.matcher(folded)).find()) {
            return found(Kind.ADDRESS, m);
        }
        return Optional.empty();
    }

    /**
     * Digits as words, the way a phone number is dictated, in the assistant's 15 languages: "zero
     * seven seven", "null eins sieben", "صفر خمسة", "नौ आठ सात". Scripts that write a number without
     * spaces ("ゼロキューゼロ", "一三九一二三四", "공일공 일이삼사") are read digit word by digit word
     * inside the word; there a lone digit word between other letters ("さん", "이") is an ordinary word.
     */
    private static final java.util.Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final java.util.Set<String> RUN_DIGITS = java.util.Set.of(
            "〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "幺", "洞", "两",
            "ゼロ", "ぜろ", "レイ", "れい", "マル", "まる", "イチ", "いち", "ニ", "に", "ニー", "にー", "サン", "さん", "ヨン", "よん",
            "シ", "ヨ", "ゴ", "ご", "ゴー", "ごー", "ロク", "ろく", "ナナ", "なな", "シチ", "ハチ", "はち", "キュウ", "きゅう",
            "キュー", "きゅー", "ク", "공", "영", "일", "이", "삼", "사", "오", "육", "륙", "칠", "팔", "구");
    private static final int RUN_DIGIT_LONGEST = 3;
    /** Words a dictated number may carry between its digits ("plus", "and", "double five"); they neither count nor break it. */
    private static final java.util.Set<String> NUMBER_GLUE = java.util.Set.of("plus", "and", "und", "y", "e", "et", "i", "en",
            "ve", "и", "و", "और", "の", "다시", "ダッシュ", "杠", "横", "double", "triple", "doppio", "doble");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\u3007\\u25CB]+|\\d+", Pattern.UNICODE_CHARACTER_CLASS);

    static boolean spelledPhone(String folded) {
        Matcher token = TOKEN.matcher(folded);
        int run = 0;
        int best = 0;
        while (token.find()) {
            String t = token.group();
            Integer digits = Character.isDigit(t.charAt(0)) ? Integer.valueOf(t.length()) : NUMBER_WORDS.get(t);
            if (digits != null) {
                run += digits;
            } else if (!NUMBER_GLUE.contains(t)) {
                int[] inside = digitWordsInside(t, run);
                best = Math.max(best, inside[1]);
                run = inside[0];
            }
            best = Math.max(best, run);
        }
        return best >= PHONE_MIN_DIGITS;
    }

    /**
     * Digit words inside one unspaced word, counted on from {@code run}: the run it ends with, and
     * the longest it reached. A single digit word among other letters ("さん", "이번") is no number;
     * "の" between digit groups ("〇九〇の一二三四") does not break one.
     */
    private static int[] digitWordsInside(String word, int run) {
        int best = run;
        int carry = run;
        int stretch = 0;
        boolean atStart = true;
        for (int i = 0; i < word.length(); ) {
            int length = 0;
            for (int l = Math.min(RUN_DIGIT_LONGEST, word.length() - i); l > 0; l--) {
                if (RUN_DIGITS.contains(word.substring(i, i + l))) {
                    length = l;
                    break;
                }
            }
            if (length > 0) {
                stretch++;
                i += length;
            } else if (stretch > 0 && INNER_GLUE.indexOf(word.charAt(i)) >= 0) {
                i++;
            } else {
                if (stretch >= 2) {
                    best = Math.max(best, (atStart ? carry : 0) + stretch);
                }
                carry = 0;
                stretch = 0;
                atStart = false;
                i += Character.charCount(word.codePointAt(i));
            }
        }
        int end = stretch >= 2 || (atStart && stretch >= 1) ? (atStart ? carry : 0) + stretch : 0;
        return new int[] {end, Math.max(best, end)};
    }

    private static final String INNER_GLUE = "の杠";

    private static java.util.Map<String, Integer> numberWords() {
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        String units = "zero oh one two three four five six seven eight nine "
                + "null eins zwei zwo drei vier funf sechs sieben acht neun "
                + "cero uno una dos tres cuatro cinco seis siete ocho nueve "
                + "zero un une deux trois quatre cinq six sept huit neuf "
                + "zero uno due tre quattro cinque sei sette otto nove "
                + "zero um uma dois duas tres quatro cinco seis meia sete oito nove "
                + "ноль нуль один одна два две три четыре пять шесть семь восемь девять "
                + "صفر واحد اثنان اثنين ثلاثه ثلاث اربعه اربع خمسه خمس سته ست سبعه سبع ثمانيه ثمان ثماني تسعه تسع "
                + "nul een twee drie vier vijf zes zeven acht negen "
                + "zero jeden dwa trzy cztery piec szesc siedem osiem dziewiec "
                + "sifir sıfır bir iki uc dort bes alti altı yedi sekiz dokuz "
                + "शून्य जीरो ज़ीरो एक दो तीन चार पांच पाँच छह छः छे सात आठ नौ "
                + "shunya ek teen char paanch panch chhe chhah saat aath nau";
        for (String w : units.split(" ")) {
            words.put(Fold.text(w), 1);
        }
        String tens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                + "dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante "
                + "zehn elf zwolf zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig "
                + "diez once doce trece catorce quince veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa "
                + "dieci undici dodici venti trenta quaranta cinquanta sessanta settanta ottanta novanta "
                + "dez onze doze treze catorze quinze dezesseis vinte trinta quarenta cinquenta sessenta setenta oitenta noventa "
                + "десять двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто "
                + "tien twintig dertig veertig vijftig zestig zeventig tachtig negentig "
                + "dziesiec dwadziescia trzydziesci czterdziesci piecdziesiat "
                + "yirmi otuz kirk elli altmis yetmis seksen doksan";
        for (String w : tens.split(" ")) {
            words.put(Fold.text(w), 2);
        }
        return words;
    }

    private static Optional<Found> found(Kind kind, Matcher m) {
        return Optional.of(new Found(kind, m.group()));
    }

    static boolean validIban(String candidate) {
        String iban = candidate.replaceAll("[ -]", "").toUpperCase(java.util.Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
