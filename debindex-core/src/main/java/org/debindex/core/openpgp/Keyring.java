package org.debindex.core.openpgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.debindex.core.FindingCode;
import org.debindex.core.VerificationException;

/**
 * A set of OpenPGP certificates (public keys with their subkeys and self-signatures) that a
 * repository's signatures are checked against, and which of them are trusted to sign it.
 *
 * <p>Loaded as apt loads keyrings (apt-secure(8), sources.list(5), trust-chain.md §2A): a file
 * whose name ends in {@code .asc} must hold complete {@code BEGIN/END PGP PUBLIC KEY BLOCK}
 * armor; any other file must be binary OpenPGP starting with a public-key packet (first byte
 * {@code 0x98}, {@code 0x99} or {@code 0xC6}, RFC 9580 §4.2). In a directory, as
 * {@code /etc/apt/trusted.gpg.d}, only {@code *.gpg} and {@code *.asc} are read. A file that is
 * empty, in the wrong format (an armored key in {@code x.gpg}, a binary one in {@code x.asc}, a
 * {@code .kbx} keybox) or unparsable is skipped with a {@linkplain #warnings() warning}; when no
 * usable key is left at all, loading fails with {@link FindingCode#KEYRING_UNUSABLE}.
 *
 * <p>{@code Signed-By} ({@link #fromSignedBy}) narrows which keys may sign: a fingerprint selects
 * that key and, for a primary key, its subkeys; {@code FPR!} selects only that exact key or
 * subkey. Keys outside the selection stay in the keyring so that a report can say "key present but
 * not allowed" instead of "unknown key".
 *
 * <p>Instances are immutable and thread-safe; Bouncy Castle's key objects are never handed out.
 */
public final class Keyring {

    /** A {@code Signed-By} fingerprint: {@code exact} when written with {@code !}. */
    private record Selector(Fingerprint fingerprint, boolean exact) {
    }

    /** One key or subkey with the certificate it belongs to. */
    record KeyRef(PGPPublicKeyRing certificate, PGPPublicKey key) {
        PGPPublicKey primary() {
            return certificate.getPublicKey();
        }
    }

    private final List<PGPPublicKeyRing> certificates;
    private final Map<Fingerprint, KeyRef> byFingerprint;
    private final Map<Long, List<KeyRef>> byKeyId;
    private final List<Selector> selectors;
    private final List<String> warnings;

    private Keyring(List<PGPPublicKeyRing> certificates, List<Selector> selectors, List<String> warnings) {
        this.certificates = List.copyOf(certificates);
        this.selectors = List.copyOf(selectors);
        this.warnings = List.copyOf(warnings);
        Map<Fingerprint, KeyRef> fingerprints = new LinkedHashMap<>();
        Map<Long, List<KeyRef>> ids = new HashMap<>();
        for (PGPPublicKeyRing certificate : this.certificates) {
            for (PGPPublicKey key : certificate) {
                KeyRef ref = new KeyRef(certificate, key);
                fingerprints.putIfAbsent(Fingerprint.of(key.getFingerprint()), ref);
                ids.computeIfAbsent(key.getKeyID(), k -> new ArrayList<>()).add(ref);
            }
        }
        this.byFingerprint = Collections.unmodifiableMap(fingerprints);
        ids.replaceAll((k, v) -> List.copyOf(v));
        this.byKeyId = Collections.unmodifiableMap(ids);
    }

    /**
     * Loads keyring files and directories of them; every key in them is trusted.
     *
     * @param paths files ({@code .gpg}, {@code .asc}, or any other name read as binary) and
     *              directories (their {@code *.gpg} and {@code *.asc} files, in name order)
     * @return the keys found, with a warning for each file skipped
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if no usable key was found
     *         in any of them
     * @throws java.nio.file.NoSuchFileException if a named path does not exist
     * @throws IOException if a named file or directory cannot be read
     * @throws NullPointerException if {@code paths} or an element is null
     * @throws IllegalArgumentException if {@code paths} is empty
     */
    public static Keyring load(Path... paths) throws IOException, VerificationException {
        return load(Arrays.asList(paths));
    }

    /**
     * As {@link #load(Path...)}.
     *
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if no usable key was found
     * @throws IOException if a named path is missing or unreadable
     * @throws NullPointerException if {@code paths} or an element is null
     * @throws IllegalArgumentException if {@code paths} is empty
     */
    public static Keyring load(List<Path> paths) throws IOException, VerificationException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        List<PGPPublicKeyRing> certificates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "path");
            if (Files.isDirectory(path)) {
                loadDirectory(path, certificates, warnings);
            } else {
                loadFile(path, Files.readAllBytes(path), certificates, warnings);
            }
        }
        return build(certificates, List.of(), warnings, describe(paths));
    }

    /**
     * Reads keys from bytes: ASCII-armored when the name ends in {@code .asc}, binary otherwise.
     *
     * @param data   the file's contents
     * @param source the file name, which decides the format and names the file in messages
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if no usable key is in it
     * @throws NullPointerException if an argument is null
     */
    public static Keyring parse(byte[] data, String source) throws VerificationException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(source, "source");
        List<PGPPublicKeyRing> certificates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        readKeys(data, source, source.endsWith(".asc"), certificates, warnings);
        return build(certificates, List.of(), warnings, source);
    }

    /**
     * The keys an apt {@code Signed-By} option allows (sources.list(5)): one or more keyring paths
     * and/or fingerprints separated by commas or white space, or one embedded ASCII-armored key
     * block (as a deb822 field value: continuation lines indented, empty lines written as
     * {@code "."}).
     *
     * <p>Fingerprints select from the keyring files named in the same value when there are any,
     * else from {@code defaults} (the host's trusted keyrings, as apt does).
     *
     * @param value    the option's value
     * @param defaults the keys fingerprints select from when the value names no file
     * @return the allowed keys; a warning for each fingerprint that selects nothing
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if the value holds no
     *         usable key (an unusable file, a broken key block, an empty value)
     * @throws IOException if a keyring file named in the value cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static Keyring fromSignedBy(String value, Keyring defaults) throws IOException, VerificationException {
        Objects.requireNonNull(defaults, "defaults");
        return fromSignedBy(value, () -> defaults);
    }

    /**
     * As {@link #fromSignedBy(String, Keyring)}, with the default keyrings given as paths (as
     * {@link #load(List)} reads them) and loaded only when the value needs them: when it holds
     * fingerprints but names no keyring file. A value that names its own files or holds a key
     * block never touches the defaults, so a host without trusted keyrings can still use it.
     *
     * @param value           the option's value
     * @param defaultKeyrings keyring files and directories fingerprints select from when the value
     *                        names no file, such as {@code /etc/apt/trusted.gpg.d}; may be empty
     * @return the allowed keys; a warning for each fingerprint that selects nothing
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if the value holds no
     *         usable key, or it needs the defaults and {@code defaultKeyrings} is empty or holds no
     *         usable key
     * @throws IOException if a keyring file named in the value or in the defaults cannot be read
     * @throws NullPointerException if an argument or an element is null
     */
    public static Keyring fromSignedBy(String value, List<Path> defaultKeyrings) throws IOException, VerificationException {
        List<Path> paths = List.copyOf(defaultKeyrings);
        return fromSignedBy(value, () -> {
            if (paths.isEmpty()) {
                throw new VerificationException(FindingCode.KEYRING_UNUSABLE,
                        "Signed-By: fingerprints select from the trusted keyrings, but there are none");
            }
            return load(paths);
        });
    }

    /** Supplies the default keyring when a {@code Signed-By} value needs it. */
    @FunctionalInterface
    private interface Defaults {
        Keyring get() throws IOException, VerificationException;
    }

    private static Keyring fromSignedBy(String value, Defaults defaults) throws IOException, VerificationException {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            StringBuilder block = new StringBuilder();
            for (String line : trimmed.split("\n", -1)) {
                String l = line.strip();
                block.append(l.equals(".") ? "" : l).append('\n');
            }
            return parse(block.toString().getBytes(StandardCharsets.UTF_8), "Signed-By key block.asc");
        }
        List<Selector> selectors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String token : trimmed.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean exact = token.endsWith("!");
            String bare = exact ? token.substring(0, token.length() - 1) : token;
            if (Fingerprint.looksLikeFingerprint(bare)) {
                selectors.add(new Selector(Fingerprint.parse(bare), exact));
            } else {
                files.add(Path.of(token));
            }
        }
        if (selectors.isEmpty() && files.isEmpty()) {
            throw new VerificationException(FindingCode.KEYRING_UNUSABLE, "Signed-By: empty value; expected keyring paths, fingerprints or a key block");
        }
        Keyring base = files.isEmpty() ? defaults.get() : load(files);
        List<String> warnings = new ArrayList<>(base.warnings);
        for (Selector selector : selectors) {
            if (!base.byFingerprint.containsKey(selector.fingerprint())) {
                warnings.add("Signed-By: key " + selector.fingerprint() + " is not in the keyring");
            }
        }
        List<Selector> combined = new ArrayList<>(base.selectors);
        if (!selectors.isEmpty()) {
            combined = selectors;
        }
        return new Keyring(base.certificates, combined, warnings);
    }

    /**
     * The primary-key fingerprints of the certificates whose keys may sign, in keyring order (with
     * {@code Signed-By} fingerprints: the primary keys they select or whose subkeys they select).
     */
    public List<Fingerprint> fingerprints() {
        List<Fingerprint> out = new ArrayList<>();
        for (PGPPublicKeyRing certificate : certificates) {
            Fingerprint primary = Fingerprint.of(certificate.getPublicKey().getFingerprint());
            boolean any = false;
            for (PGPPublicKey key : certificate) {
                any |= isAllowed(primary, Fingerprint.of(key.getFingerprint()));
            }
            if (any) {
                out.add(primary);
            }
        }
        return List.copyOf(out);
    }

    /** Every primary-key fingerprint in the keyring files, allowed to sign or not. */
    public List<Fingerprint> allFingerprints() {
        List<Fingerprint> out = new ArrayList<>();
        for (PGPPublicKeyRing certificate : certificates) {
            out.add(Fingerprint.of(certificate.getPublicKey().getFingerprint()));
        }
        return List.copyOf(out);
    }

    /** The primary user id of the certificate holding the key or subkey, if the keyring has it and it has one. */
    public Optional<String> userId(Fingerprint fingerprint) {
        KeyRef ref = byFingerprint.get(Objects.requireNonNull(fingerprint, "fingerprint"));
        return ref == null ? Optional.empty() : firstUserId(ref.primary());
    }

    /**
     * Every certificate as judged at {@code at} under the {@linkplain SignaturePolicy#standard()
     * standard policy}.
     *
     * @see #statuses(Instant, SignaturePolicy)
     */
    public List<KeyStatus> statuses(Instant at) {
        return statuses(at, SignaturePolicy.standard());
    }

    /**
     * Every certificate in the keyring files, in keyring order, as judged at {@code at}: by the same
     * rules the signature check uses (see {@link ReleaseSignatures}), so a key listed as able to
     * sign is one whose signature made at {@code at} would be good, {@code Signed-By} included.
     *
     * @param at     the instant to judge validity, expiry and policy at
     * @param policy the algorithm and revocation policy
     * @return one status per certificate; never empty, as a keyring always holds a key
     * @throws NullPointerException if an argument is null
     */
    public List<KeyStatus> statuses(Instant at, SignaturePolicy policy) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        KeyValidity.Memo memo = new KeyValidity.Memo();
        List<KeyStatus> out = new ArrayList<>();
        for (PGPPublicKeyRing certificate : certificates) {
            PGPPublicKey primary = certificate.getPublicKey();
            Fingerprint primaryFp = Fingerprint.of(primary.getFingerprint());
            KeyValidity.Verdict own = KeyValidity.evaluateCertificate(primary, at, policy, memo);
            List<KeyStatus.SigningKey> signing = new ArrayList<>();
            for (PGPPublicKey key : certificate) {
                if (!KeyValidity.isSigningCapable(primary, key, memo)) {
                    continue;
                }
                Fingerprint fp = Fingerprint.of(key.getFingerprint());
                KeyValidity.Verdict verdict = KeyValidity.evaluate(primary, key, at, policy, memo);
                KeyStatus.Validity validity = switch (verdict.state()) {
                    case VALID -> KeyStatus.Validity.VALID;
                    case NOT_YET_CREATED -> KeyStatus.Validity.NOT_YET_CREATED;
                    case EXPIRED -> KeyStatus.Validity.EXPIRED;
                    case REVOKED -> KeyStatus.Validity.REVOKED;
                    case UNUSABLE -> KeyStatus.Validity.UNUSABLE;
                };
                String detail = verdict.detail();
                if (validity == KeyStatus.Validity.VALID) {
                    // the same policy checks that turn a good signature into WEAK_KEY
                    Optional<String> weak = Algorithms.weakKey(key);
                    if (weak.isEmpty() && !at.isBefore(policy.sha1BindingCutoff())) {
                        weak = verdict.weakBinding();
                    }
                    if (weak.isPresent()) {
                        validity = KeyStatus.Validity.WEAK;
                        detail = weak.get();
                    } else if (!isAllowed(primaryFp, fp)) {
                        validity = KeyStatus.Validity.NOT_ALLOWED;
                        detail = "key " + fp + " is not allowed by Signed-By";
                    }
                }
                signing.add(new KeyStatus.SigningKey(fp, Algorithms.keyName(key), key.getCreationTime().toInstant(),
                        verdict.expires(), validity, detail));
            }
            out.add(new KeyStatus(primaryFp, firstUserId(primary), Algorithms.keyName(primary),
                    primary.getCreationTime().toInstant(), own.expires(),
                    own.state() == KeyValidity.State.REVOKED, signing));
        }
        return List.copyOf(out);
    }

    /** Files skipped and fingerprints that selected nothing, one line each naming the file. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether {@code Signed-By} fingerprints narrow which keys may sign. */
    public boolean isRestricted() {
        return !selectors.isEmpty();
    }

    @Override
    public String toString() {
        return "Keyring" + allFingerprints() + (selectors.isEmpty() ? "" : " selecting " + selectors);
    }

    // --- for the verifier -------------------------------------------------------------------

    Optional<KeyRef> find(Fingerprint fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    List<KeyRef> findByKeyId(long keyId) {
        return byKeyId.getOrDefault(keyId, List.of());
    }

    /** Whether a signature by {@code signing} (a key of the certificate {@code primary}) is allowed. */
    boolean isAllowed(Fingerprint primary, Fingerprint signing) {
        if (selectors.isEmpty()) {
            return true;
        }
        for (Selector selector : selectors) {
            if (selector.fingerprint().equals(signing)
                    || (!selector.exact() && selector.fingerprint().equals(primary))) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> firstUserId(PGPPublicKey primary) {
        Iterator<byte[]> ids = primary.getRawUserIDs();
        return ids.hasNext() ? Optional.of(new String(ids.next(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    // --- loading ----------------------------------------------------------------------------

    private static void loadDirectory(Path dir, List<PGPPublicKeyRing> out, List<String> warnings) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        }
        Collections.sort(entries);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!(name.endsWith(".gpg") || name.endsWith(".asc"))) {
                warnings.add(entry + ": ignored: only *.gpg and *.asc files are read in " + dir);
                continue;
            }
            byte[] data;
            try {
                data = Files.readAllBytes(entry);
            } catch (IOException e) {
                // apt skips an unreadable keyring in trusted.gpg.d with a warning: do the same
                warnings.add(entry + ": skipped: cannot be read (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            loadFile(entry, data, out, warnings);
        }
    }

    private static void loadFile(Path path, byte[] data, List<PGPPublicKeyRing> out, List<String> warnings) {
        readKeys(data, path.toString(), path.getFileName().toString().endsWith(".asc"), out, warnings);
    }

    private static void readKeys(byte[] data, String source, boolean armored, List<PGPPublicKeyRing> out,
                                 List<String> warnings) {
        if (data.length == 0) {
            warnings.add(source + ": skipped: empty file");
            return;
        }
        List<byte[]> binaries = new ArrayList<>();
        if (armored) {
            List<String> lines = TextLines.split(data);
            List<Armor.Block> blocks = new ArrayList<>();
            List<String> problems = new ArrayList<>(1);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(Armor.beginLine("PUBLIC KEY BLOCK"))) {
                    int end = Armor.decode(lines, i, "PUBLIC KEY BLOCK", blocks, problems);
                    if (end < 0) {
                        warnings.add(source + ":" + problems.get(0) + "; file skipped");
                        return;
                    }
                    i = end;
                }
            }
            if (blocks.isEmpty()) {
                warnings.add(source + ": skipped: no \"-----BEGIN PGP PUBLIC KEY BLOCK-----\" armor in an .asc file"
                        + (isPacketStart(data[0]) ? " (it is a binary keyring)" : ""));
                return;
            }
            for (Armor.Block block : blocks) {
                binaries.add(block.data());
            }
        } else {
            if (!isPacketStart(data[0])) {
                String hint = data[0] == '-' ? " (it looks ASCII-armored; name it .asc)"
                        : (data.length >= 8 && data[4] == 1 && data[8] == 'K') ? " (it looks like a .kbx keybox)" : "";
                warnings.add(source + ": skipped: not a binary OpenPGP keyring; expected a public-key packet first" + hint);
                return;
            }
            binaries.add(data);
        }
        List<PGPPublicKeyRing> found = new ArrayList<>();
        for (byte[] binary : binaries) {
            try {
                BcPGPObjectFactory factory = new BcPGPObjectFactory(binary);
                Object next;
                while ((next = factory.nextObject()) != null) {
                    if (next instanceof PGPPublicKeyRing certificate) {
                        found.add(certificate);
                    } else {
                        warnings.add(source + ": skipped: holds " + next.getClass().getSimpleName().replace("PGP", "").toLowerCase(Locale.ROOT)
                                + " data, not only public keys");
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Bouncy Castle reports broken packets as IOException or as unchecked exceptions
                warnings.add(source + ": skipped: not readable as OpenPGP keys (" + oneLine(e) + ")");
                return;
            }
        }
        if (found.isEmpty()) {
            warnings.add(source + ": skipped: no public key in it");
            return;
        }
        out.addAll(found);
    }

    private static boolean isPacketStart(byte first) {
        int b = first & 0xff;
        return b == 0x98 || b == 0x99 || b == 0xC6;
    }

    private static Keyring build(List<PGPPublicKeyRing> certificates, List<Selector> selectors, List<String> warnings,
                                 String what) throws VerificationException {
        if (certificates.isEmpty()) {
            String why = warnings.isEmpty() ? "" : ": " + String.join("; ", warnings);
            throw new VerificationException(FindingCode.KEYRING_UNUSABLE, what + ": no usable OpenPGP key" + why);
        }
        return new Keyring(merge(certificates, warnings), selectors, warnings);
    }

    /** Joins copies of one certificate found in several files, so that the newest self-signatures count. */
    private static List<PGPPublicKeyRing> merge(List<PGPPublicKeyRing> certificates, List<String> warnings) {
        Map<Fingerprint, PGPPublicKeyRing> byPrimary = new LinkedHashMap<>();
        for (PGPPublicKeyRing certificate : certificates) {
            Fingerprint primary = Fingerprint.of(certificate.getPublicKey().getFingerprint());
            PGPPublicKeyRing seen = byPrimary.get(primary);
            if (seen == null) {
                byPrimary.put(primary, certificate);
                continue;
            }
            try {
                byPrimary.put(primary, PGPPublicKeyRing.join(seen, certificate, false, false));
            } catch (PGPException | RuntimeException e) {
                warnings.add("key " + primary + ": second copy ignored (" + oneLine(e) + ")");
            }
        }
        return new ArrayList<>(byPrimary.values());
    }

    private static String describe(List<Path> paths) {
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            names.add(p.toString());
        }
        return String.join(", ", names);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.replace('\n', ' ').strip();
    }
}
