# One image recipe for every service and the issuer: docker build --build-arg SERVICE=book-catalog-service .
# (docker-compose.yml builds each service with it.)

FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
# the Maven cache is shared by the builds of all five images, which run in parallel: one writer at a time
RUN --mount=type=cache,target=/root/.m2,sharing=locked ./mvnw --batch-mode --no-transfer-progress package -DskipTests \
      -pl ${SERVICE} -am \
 && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
# curl for the health check; a user of its own, never root
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home library \
 && mkdir -p /var/lib/library/identity /var/lib/library/audit && chown -R library /var/lib/library
WORKDIR /app
# layered: dependencies change rarely, the application often, so rebuilds reuse the lower layers
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER library
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
