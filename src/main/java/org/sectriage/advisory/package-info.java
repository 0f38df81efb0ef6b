/**
 * Draft advisories of a case in OSV JSON, CSAF 2.0 JSON ({@code csaf_security_advisory}) and Markdown.
 *
 * <ul>
 *   <li>{@link org.sectriage.advisory.AdvisoryCase}: what the advisory says, as plain data (built with
 *       {@code AdvisoryCase.builder}); credits hold only the names that may be published.</li>
 *   <li>{@link org.sectriage.advisory.Project}: the product, the publisher and the OSV package.</li>
 *   <li>{@link org.sectriage.advisory.AdvisoryFormat}: {@code osv}, {@code csaf}, {@code markdown}; each
 *       has an {@link org.sectriage.advisory.AdvisoryWriter} that writes the text.</li>
 * </ul>
 *
 * <p>Missing facts (no CVSS yet, no fixed version, no affected versions) still give a schema-valid
 * draft; the tests check OSV and CSAF output against the official JSON schemas.
 */
package org.sectriage.advisory;
