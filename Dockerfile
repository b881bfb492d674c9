# syntax=docker/dockerfile:1
# Build: the Maven wrapper builds the production jar (Vaadin's frontend bundle included; Vaadin fetches Node itself).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp dependency:go-offline -DexcludeArtifactIds=vaadin-dev
COPY frontend/ frontend/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.vaadin \
    ./mvnw -B -ntp package -DskipTests && \
    java -Djarmode=tools -jar target/avatar-call.jar extract --layers --launcher --destination /layers

# Run: a JRE only, as a user without privileges.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app --uid 10001 avatar
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER avatar
# The embedded H2 database lives here unless SPRING_DATASOURCE_URL points at PostgreSQL.
VOLUME /app/data
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=3s --start-period=40s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
