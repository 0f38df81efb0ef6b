package org.sectriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @Test
    void readsBinaryUnits() {
        assertEquals(512L * 1024, Sizes.parse("512KB"));
        assertEquals(25L * 1024 * 1024, Sizes.parse("25MB"));
        assertEquals(1L << 30, Sizes.parse("1GB"));
    }

    @Test
    void readsAPlainNumberAsBytes() {
        assertEquals(100_000L, Sizes.parse("100000"));
        assertEquals(100L, Sizes.parse("100B"));
    }

    @Test
    void acceptsOtherSpellingsOfTheUnits() {
        assertEquals(25L << 20, Sizes.parse("25mb"));
        assertEquals(25L << 20, Sizes.parse("25 MiB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "1.5MB", "-1", "25M", "25TB", "1 000", "99999999999GB"})
    void rejectsAnythingElseNamingTheAcceptedForm(String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(written));
        assertEquals("invalid size '" + written + "': expected " + Sizes.ACCEPTED_FORM, e.getMessage());
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertEquals("50MB", Sizes.format(50L << 20));
        assertEquals("1536KB", Sizes.format(1536L * 1024));
        assertEquals("1000", Sizes.format(1000));
        assertEquals("0", Sizes.format(0));
    }
}
