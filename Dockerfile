# Builds the portal's jar and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 dealreg
USER dealreg
COPY --from=build /src/target/dealreg-*.jar /app/dealreg.jar
COPY jvm.options /app/jvm.options
# The heap is JAVA_OPTS' to size; the rest of the JVM's settings are jvm.options' (docs/memory.md).
ENV JAVA_OPTS="-Xmx512m" MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/dealreg.jar"]
