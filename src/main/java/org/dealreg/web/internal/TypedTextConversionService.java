package org.dealreg.web.internal;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.dealreg.shared.FewKept;
import org.dealreg.shared.MultiLine;
import org.dealreg.shared.RulesBroken;
import org.dealreg.shared.TypedText;
import org.dealreg.shared.Verbatim;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/**
 * The conversion service of request binding. A value bound to a parameter (a form record's component, a request
 * parameter, a path variable) is first checked and cleaned by {@link TypedText}: one line unless the target is
 * {@link MultiLine}, as typed when it is {@link Verbatim}; a field sent twice is refused unless it binds to a list,
 * set or array, whose values are each checked. Everything else, and every conversion for display, goes to the
 * application's conversion service.
 * <p>
 * A refusal is thrown as {@link RefusedAtTheEdge}, an {@code IllegalArgumentException}: the binder makes it a type
 * mismatch on the field at once, without the fallbacks it tries after a failed conversion (which would, for
 * instance, trim "PRICE" followed by a NUL into an enum constant).
 */
class TypedTextConversionService implements ConversionService {

    private final ConversionService application;

    TypedTextConversionService(ConversionService application) {
        this.application = application;
    }

    @Override
    public boolean canConvert(@Nullable Class<?> sourceType, Class<?> targetType) {
        return application.canConvert(sourceType, targetType);
    }

    @Override
    public boolean canConvert(@Nullable TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (text(sourceType) && text(targetType)) {
            return true;
        }
        if (sourceType != null && bound(targetType)
                && (sourceType.getType() == String[].class && single(targetType) || sourceType.getType() == String.class)) {
            return targetType.getType() == String.class || application.canConvert(TypeDescriptor.valueOf(String.class), targetType);
        }
        return application.canConvert(sourceType, targetType);
    }

    @Override
    public <T> @Nullable T convert(@Nullable Object source, Class<T> targetType) {
        return application.convert(source, targetType);
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, @Nullable TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (!bound(targetType)) {
            return text(sourceType) && text(targetType) ? source : application.convert(source, sourceType, targetType);
        }
        Object value = source;
        TypeDescriptor valueType = sourceType;
        if (value instanceof String[] sent && single(targetType)) {
            if (sent.length > 1) {
                throw new RefusedAtTheEdge(RulesBroken.on(null, TypedText.TWICE));
            }
            value = sent.length == 0 ? null : sent[0];
            valueType = TypeDescriptor.valueOf(String.class);
        }
        if (value instanceof String[] sent) {
            String[] kept = Arrays.stream(sent).map(each -> keep(each, targetType)).filter(each -> !each.isEmpty())
                    .toArray(String[]::new);
            return application.convert(kept, valueType, targetType);
        }
        if (!(value instanceof String text)) {
            return application.convert(value, valueType, targetType);
        }
        String kept = keep(text, targetType);
        return targetType.getType() == String.class ? kept
                : application.convert(kept, TypeDescriptor.valueOf(String.class), targetType);
    }

    /** The value as the rule keeps it; empty (as an empty field binds) when nothing visible was typed. */
    private static String keep(String text, TypeDescriptor targetType) {
        try {
            String kept = marked(targetType, Verbatim.class) ? TypedText.asTyped(text)
                    : TypedText.clean(text, marked(targetType, MultiLine.class));
            return kept == null ? "" : kept;
        } catch (RulesBroken refused) {
            throw new RefusedAtTheEdge(refused);
        }
    }

    /**
     * Whether the bound parameter (a form record's field, a handler's parameter) is marked with {@code marker} itself.
     * The markers are never meta-annotations, so its own annotations are enough, and they are read once per parameter:
     * the binder describes each parameter anew for every request, and reading its annotations parses them again.
     */
    private static boolean marked(TypeDescriptor targetType, Class<? extends Annotation> marker) {
        Object parameter = targetType.getResolvableType().getSource();
        return MARKERS.get(parameter).contains(marker);
    }

    /** The markers of each parameter values are bound to: a few hundred parameters in the whole portal. */
    private static final FewKept<Object, Set<Class<? extends Annotation>>> MARKERS = new FewKept<>(1024, parameter -> {
        Annotation[] annotations = ((MethodParameter) parameter).getParameterIndex() == -1
                ? ((MethodParameter) parameter).getMethodAnnotations()
                : ((MethodParameter) parameter).getParameterAnnotations();
        Set<Class<? extends Annotation>> markers = new HashSet<>();
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == Verbatim.class || annotation.annotationType() == MultiLine.class) {
                markers.add(annotation.annotationType());
            }
        }
        return Set.copyOf(markers);
    });

    /**
     * Text to text needs no converter: a form's text field shown again on its page. Asking the application's service
     * would cost a lookup in its converter cache, where every text field of every form (each with its own
     * annotations, which the cache key compares one by one) falls into one bucket: a tenth of a form page's CPU.
     */
    private static boolean text(@Nullable TypeDescriptor type) {
        return type != null && type.getType() == String.class;
    }

    /** A value bound from a request: the target is a parameter (of a form's constructor, a handler or a setter). */
    private static boolean bound(TypeDescriptor targetType) {
        return targetType.getResolvableType().getSource() instanceof MethodParameter;
    }

    /** A target that holds one value: a field sent twice cannot be meant for it. */
    private static boolean single(TypeDescriptor targetType) {
        Class<?> type = targetType.getType();
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && type != Object.class;
    }

    /** A value refused at the edge; the binder reports it on its field (see {@link TypedTextBindingErrors}). */
    static class RefusedAtTheEdge extends IllegalArgumentException {

        RefusedAtTheEdge(RulesBroken refused) {
            super(refused.code(), refused);
        }
    }
}
