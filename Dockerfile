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
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/dealreg.jar"]
