package org.sectriage.advisory;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The official OSV and CSAF 2.0 JSON schemas (src/test/resources/schemas, sources in its README), with
 * the CVSS schemas CSAF refers to by URL mapped to the local copies, so no validation reaches the
 * network. Formats such as date-time and uri are asserted, not just noted.
 */
public final class AdvisorySchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix("https://www.first.org/cvss/", "classpath:schemas/cvss/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            // referenced schemas are loaded when a document uses them: FIRST's CVSS v2
                            // schema is not kept here (see the README), and the advisories never use it
                            .preloadSchema(false)
                            .build()));

    public static final Schema OSV = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/osv-schema.json"));
    public static final Schema CSAF = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/csaf_json_schema.json"));

    private AdvisorySchemas() {
    }

    /** What is wrong with {@code json} by {@code schema}, one message each; empty when it is valid. */
    public static List<String> problems(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
