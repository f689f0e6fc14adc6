package org.dealreg.crypto.internal;

import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

/** The data keys by id, which one seals new values, and the blind-index key. Loaded once. */
public final class KeyRing {

    private final Map<String, SecretKey> dataKeys;
    private final String activeKeyId;
    private final SecretKey blindIndexKey;

    public KeyRing(Map<String, SecretKey> dataKeys, String activeKeyId, SecretKey blindIndexKey) {
        if (!dataKeys.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active key id '" + activeKeyId + "' is not among the configured keys " + dataKeys.keySet());
        }
        this.dataKeys = Map.copyOf(dataKeys);
        this.activeKeyId = activeKeyId;
        this.blindIndexKey = blindIndexKey;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public SecretKey key(String id) {
        return findKey(id).orElseThrow();
    }

    public Optional<SecretKey> findKey(String id) {
        return Optional.ofNullable(dataKeys.get(id));
    }

    public SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", ids=" + dataKeys.keySet() + "]";
    }
}
