package org.sectriage.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** The JSON both JSON formats are written with: indented, keys in the order they are put, UTC timestamps. */
final class AdvisoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdvisoryJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** {@code at} as RFC 3339 in UTC to the second, e.g. {@code 2026-03-02T09:13:58Z}. */
    static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the advisory as JSON: " + e.getMessage(), e);
        }
    }
}
