package org.dealreg.crypto.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys come from: {@code DEALREG_CRYPTO_KEYS} ("id:base64,id:base64"),
 * {@code DEALREG_CRYPTO_ACTIVE_KEY} and {@code DEALREG_CRYPTO_BLIND_INDEX_KEY} in the environment,
 * or the same three names in a secret file ({@code DEALREG_CRYPTO_KEY_FILE}). The demo mode may
 * generate that file.
 */
@ConfigurationProperties("dealreg.crypto")
public record CryptoProperties(String keys, String activeKey, String blindIndexKey, String keyFile,
        boolean generateDemoKey) {

    @Override
    public String toString() {
        return "CryptoProperties[keyFile=" + keyFile + ", generateDemoKey=" + generateDemoKey + "]";
    }
}
