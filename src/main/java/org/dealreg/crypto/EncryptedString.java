package org.dealreg.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a text column as {@link FieldCipher} ciphertext; use with {@code @Convert(converter = EncryptedString.class)}. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public EncryptedString(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}
