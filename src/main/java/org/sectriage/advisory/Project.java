package org.sectriage.advisory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The project an advisory is about and who publishes it.
 *
 * @param product     the product's name, e.g. {@code example-server}
 * @param vendor      who publishes the advisory, e.g. {@code example.org}: CSAF's publisher and vendor
 * @param namespace   a URL the publisher controls, e.g. {@code https://example.org}: CSAF's publisher namespace
 * @param ecosystem   the OSV ecosystem of the package (e.g. {@code Maven}, {@code npm}), or null when it
 *                    has none; without it the OSV record lists versions but no package or version range
 * @param packageName the package's name in that ecosystem, or null for the product's name
 */
public record Project(String product, String vendor, URI namespace, String ecosystem, String packageName) {

    public Project {
        requireText(product, "product");
        requireText(vendor, "vendor");
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.isAbsolute()) {
            throw new IllegalArgumentException("the publisher namespace must be an absolute URL, got " + namespace);
        }
        ecosystem = ecosystem == null || ecosystem.isBlank() ? null : ecosystem.strip();
        packageName = packageName == null || packageName.isBlank() ? null : packageName.strip();
    }

    /** The OSV package name, when the project has an ecosystem. */
    Optional<String> osvPackage() {
        return ecosystem == null ? Optional.empty() : Optional.of(packageName == null ? product : packageName);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a project needs a " + name);
        }
    }
}
