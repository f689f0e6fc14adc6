package org.dealreg.crypto.internal;

import org.dealreg.crypto.BlindIndex;
import org.dealreg.crypto.FieldCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyRing keyRing(CryptoProperties properties) {
        return KeyLoader.load(properties);
    }

    @Bean
    FieldCipher fieldCipher(KeyRing keyRing) {
        return new FieldCipher(keyRing);
    }

    @Bean
    BlindIndex blindIndex(KeyRing keyRing) {
        return new BlindIndex(keyRing);
    }
}
