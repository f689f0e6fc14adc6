package org.dealreg.integrations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What springdoc cannot see in the code of {@code /api/**} (docs/api.md), added to the document it generates: the
 * client-credentials scheme and each operation's scope ({@link ApiSecurityConfiguration}), the problem documents
 * ({@link ApiProblems}, {@link ApiRefusals}) on every operation's errors, and the registration form's rules on
 * {@code DealToRegister}. {@code ApiContractTest} checks real calls against the result.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String CLIENT_CREDENTIALS = "clientCredentials";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The form's fields that must be given, and their longest lengths (the registration form's DealForm). */
    private static final List<String> DEAL_REQUIRED = List.of("customerName", "customerCountry", "contactName",
            "contactEmail", "title", "description", "specialization", "amount", "currency", "expectedCloseDate");
    private static final Map<String, Integer> DEAL_MAX_LENGTH = Map.of("customerName", 200, "customerWebsite", 255,
            "customerCountry", 2, "customerCity", 120, "contactName", 120, "contactEmail", 254, "contactPhone", 40,
            "title", 200, "description", 4000, "competitors", 1000);

    @Bean
    OpenApiCustomizer partnerApiDocument() {
        return api -> {
            api.info(new Info().title("dealreg API").version("v1").description("""
                    A partner's system registers and follows its company's deals, with the rules of the registration \
                    form; the vendor's CRM loads accounts, engagements and direct wins and reads the registrations' \
                    plain fields. Ask /oauth2/token for a token with the client id and secret made on the Integrations page \
                    (client-credentials grant), then send it as `Authorization: Bearer <token>`. Errors are RFC 9457 \
                    problem documents in the language of Accept-Language (English or French)."""));
            Components components = api.getComponents();
            components.addSecuritySchemes(CLIENT_CREDENTIALS, clientCredentials());
            components.addSchemas("Problem", problem());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS, scope(path, method)));
                problems(operation.getResponses());
                idIsAUuid(operation);
            }));
            registrationForm(components.getSchemas().get("DealToRegister"));
            for (String body : List.of("DealToRegister", "Action", "ExtensionAsked", "Close", "Account", "Engagement",
                    "DirectWin")) {
                optionalMayBeNull(components.getSchemas().get(body));
            }
        };
    }

    /** The scope an operation needs (ApiSecurityConfiguration says the same to the filter chain). */
    private static String scope(String path, HttpMethod method) {
        if (path.startsWith("/api/v1/accounts")) {
            return "accounts:write";
        }
        if (path.startsWith("/api/v1/direct-wins")) {
            return "credits:write";
        }
        return method == HttpMethod.GET ? "registrations:read" : "registrations:write";
    }

    private static SecurityScheme clientCredentials() {
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Tokens live 10 minutes; a revoked client is refused at its next call.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                        .scopes(new Scopes().addString("registrations:read", "Read the company's registrations")
                                .addString("registrations:write", "Register, withdraw, extend and close them")
                                .addString("accounts:write", "Vendor: load direct-sales accounts and engagements")
                                .addString("credits:write", "Vendor: record reps' direct wins"))));
    }

    /** RFC 9457, with the members the API adds: a problem per field, the registration already held, its status. */
    private static Schema<?> problem() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().nullable(true)
                        .description("The field or parameter, null for the whole request"))
                .addProperty("code", new StringSchema().description("The rule's message code"))
                .addProperty("detail", new StringSchema().description("The form's message"));
        return new ObjectSchema().description("A problem document (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What to do, in the caller's language"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("422: each broken rule of the request"))
                .addProperty("existingRegistration", new StringSchema().format("uri")
                        .description("409: the company's registration that already holds this customer"))
                .addProperty("currentStatus", new StringSchema()
                        .description("409: the registration's status now, when it was decided or changed"));
    }

    /** Every operation may answer 401 and 403 (with RFC 6750's header); every error is a problem document. */
    private static void problems(ApiResponses responses) {
        responses.computeIfAbsent("401", code -> new ApiResponse()
                .description("No token, or one that expired or whose client was revoked"));
        responses.computeIfAbsent("403", code -> new ApiResponse()
                .description("The token lacks the operation's scope"));
        Content problem = new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.content(problem);
                if (response.getDescription() == null || response.getDescription().isEmpty()) {
                    response.description(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase());
                }
            }
            if (code.equals("401") || code.equals("403")) {
                response.addHeaderObject("WWW-Authenticate", new Header().required(true)
                        .description("Bearer, with error and error_description (RFC 6750)")
                        .schema(new StringSchema()));
            }
        });
    }

    /** An unknown id answers 404, like another company's: the parameter is text, but only a UUID is ever found. */
    private static void idIsAUuid(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> "path".equals(p.getIn()) && "id".equals(p.getName()))
                    .forEach(p -> p.schema(new StringSchema().format("uuid")));  // a schema of its own: springdoc shares one
        }
    }

    /** A request's members that are not required may also be sent as null: the code reads both as not given. */
    private static void optionalMayBeNull(Schema<?> body) {
        List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
        body.getProperties().forEach((name, property) -> {
            if (!required.contains(name)) {
                property.nullable(true);
            }
        });
    }

    private static void registrationForm(Schema<?> deal) {
        deal.required(new ArrayList<>(DEAL_REQUIRED));
        DEAL_MAX_LENGTH.forEach((field, max) -> deal.getProperties().get(field).maxLength(max));
        deal.getProperties().get("contactEmail").format("email");
        deal.getProperties().get("customerCountry").description("ISO 3166 code, e.g. US");
        deal.getProperties().get("currency").description("ISO 4217 code, e.g. USD");
        deal.getProperties().get("specialization").description("A specialization code of the programme");
    }
}
