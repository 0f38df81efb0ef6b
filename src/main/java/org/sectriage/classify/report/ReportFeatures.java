package org.sectriage.classify.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report is compared by when looking for duplicates: the weights of its most frequent words,
 * the code locations (files, endpoints) it names, and its vulnerability class. Words and locations are
 * kept as short hashes, so that the stored features do not read as the report's text; they are not a
 * secret, since a dictionary of words recovers them.
 *
 * @param terms      term hash to weight (1 + log of its count), for the {@link #MAX_TERMS} most frequent words
 * @param locations  hashes of the files and endpoints the report names
 * @param vulnClass  the report's vulnerability class, e.g. {@code xss}
 */
public record ReportFeatures(Map<String, Double> terms, Set<String> locations, String vulnClass) {

    /** How many of a report's words are kept. */
    public static final int MAX_TERMS = 200;
    /** How many of the code locations a report names are kept: their stored form stays within its column. */
    public static final int MAX_LOCATIONS = 200;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]{3,40}");
    /** Words that say nothing about which vulnerability a report is about. */
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "have", "has",
            "was", "were", "will", "would", "can", "could", "should", "which", "when", "where", "there", "their",
            "they", "them", "then", "than", "into", "also", "been", "being", "its", "our", "out", "any", "all",
            "one", "two", "use", "used", "using", "via", "may", "might", "more", "some", "such", "only", "other",
            "here", "what", "how", "who", "why", "these", "those", "about", "over", "under", "after", "before",
            "please", "thanks", "thank", "hello", "regards", "best", "dear", "team", "security", "vulnerability",
            "issue", "report", "reported", "found", "attached", "der", "die", "das", "und", "ist", "nicht", "ein",
            "eine", "mit", "von", "den", "dem", "sie", "wir", "ich");

    public ReportFeatures {
        terms = Map.copyOf(terms);
        locations = Set.copyOf(locations);
    }

    /** These features with the vulnerability class {@code vulnClass}. */
    public ReportFeatures withVulnClass(String vulnClass) {
        return new ReportFeatures(terms, locations, vulnClass);
    }

    /** The features of a report whose subject and body are {@code text} and whose class is {@code vulnClass}. */
    public static ReportFeatures of(String text, String vulnClass) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        Map<String, Double> terms = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS)
                .forEach(e -> terms.merge(hash(e.getKey()), 1 + Math.log(e.getValue()), Double::sum));
        Set<String> locations = new LinkedHashSet<>();
        TextMentions.locations(text).stream().limit(MAX_LOCATIONS).forEach(l -> locations.add(hash(l)));
        return new ReportFeatures(terms, locations, vulnClass);
    }

    /** How many MinHash bands a report's terms give, and how many hashes each band combines. */
    static final int BANDS = 24;
    static final int ROWS_PER_BAND = 3;

    /**
     * The keys under which this report is found as a candidate duplicate: one per MinHash band of its
     * terms (two reports share a band with a probability that grows steeply with the overlap of their
     * words: about one in two at a Jaccard similarity of 0.3, nearly always from 0.5), and one per code
     * location it names.
     */
    public List<Long> candidateKeys() {
        List<Long> keys = new java.util.ArrayList<>();
        if (!terms.isEmpty()) {
            long[] termValues = terms.keySet().stream().mapToLong(h -> Long.parseLong(h, 16)).toArray();
            for (int band = 0; band < BANDS; band++) {
                long key = mix(band + 1);
                for (int row = 0; row < ROWS_PER_BAND; row++) {
                    long seed = mix(0x9E3779B97F4A7C15L * (band * ROWS_PER_BAND + row + 1));
                    long min = Long.MAX_VALUE;
                    for (long t : termValues) {
                        min = Math.min(min, mix(t ^ seed));
                    }
                    key = mix(key ^ min);
                }
                keys.add(key);
            }
        }
        for (String location : locations) {
            keys.add(mix(Long.parseLong(location, 16) ^ 0x10CA7E5L));
        }
        return keys;
    }

    /** A 64-bit finalizer (from SplitMix64): spreads every bit of {@code z} over the result. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The features as stored: terms as {@code hash:weight} pairs and locations as hashes, space-separated. */
    public String termsText() {
        StringBuilder sb = new StringBuilder();
        terms.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).forEach(e -> {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append(':')
                    .append(BigDecimal.valueOf(e.getValue()).setScale(3, RoundingMode.HALF_UP));
        });
        return sb.toString();
    }

    public String locationsText() {
        return String.join(" ", locations.stream().sorted().toList());
    }

    /**
     * Features read back from their stored form. A pair or hash that is not whole (a stored text cut at
     * its column's width ends in one) is left out.
     */
    public static ReportFeatures parse(String termsText, String locationsText, String vulnClass) {
        Map<String, Double> terms = new HashMap<>();
        for (String pair : termsText.isBlank() ? new String[0] : termsText.strip().split(" ")) {
            int colon = pair.indexOf(':');
            if (colon > 0 && isHash(pair.substring(0, colon))) {
                try {
                    terms.put(pair.substring(0, colon), Double.parseDouble(pair.substring(colon + 1)));
                } catch (NumberFormatException cut) {
                    // the weight was cut off
                }
            }
        }
        Set<String> locations = new LinkedHashSet<>();
        for (String location : locationsText.isBlank() ? new String[0] : locationsText.strip().split(" ")) {
            if (isHash(location)) {
                locations.add(location);
            }
        }
        return new ReportFeatures(terms, locations, vulnClass);
    }

    /**
     * A way to read features back from their stored form: {@code ReportFeatures::parse}, or a
     * {@link ParsedFeaturesCache} that keeps what it parsed.
     */
    @FunctionalInterface
    public interface StoredForm {
        ReportFeatures parse(String termsText, String locationsText, String vulnClass);
    }

    /** True for what {@link #hash} gives: 12 hex digits. */
    private static boolean isHash(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final HexFormat HEX = HexFormat.of();

    /** The first 48 bits of the SHA-256 of {@code value}, in hex. */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
