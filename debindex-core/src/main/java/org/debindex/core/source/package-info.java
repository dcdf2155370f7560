/**
 * apt's sources configuration, read exactly as apt 2.6 reads it (sources.list(5)): one-line
 * {@code .list} files, deb822 {@code .sources} files, a single {@code --repo} line, and the host's
 * own configuration under {@code /etc/apt}.
 *
 * <p>{@link org.debindex.core.source.SourcesParser} turns text into a
 * {@link org.debindex.core.source.SourceList} of expanded
 * {@link org.debindex.core.source.SourceEntry} values (one per type, URI and suite, as apt
 * expands a deb822 stanza), with the options of each entry in
 * {@link org.debindex.core.source.SourceOptions}. {@link org.debindex.core.source.HostSources}
 * finds the files apt would read and the trusted keyrings apt uses without {@code Signed-By};
 * {@link org.debindex.core.source.SourceList#keyring} resolves the keys an entry's Release must
 * be signed with through {@link org.debindex.core.openpgp.Keyring}.
 *
 * <p>Malformed input is a {@link org.debindex.core.MalformedInputException} naming the file and
 * line; what apt merely ignores (an unknown option, an ignored file name) is a
 * {@link org.debindex.core.source.SourceWarning} in the result, never printed.
 */
package org.debindex.core.source;
