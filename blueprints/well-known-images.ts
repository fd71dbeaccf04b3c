/**
 * Ports of widely used images, used when neither the blueprint nor any URL says which port a
 * service listens on (e.g. a postgres service that nothing names with a port).
 */
const IMAGE_PORTS: Readonly<Record<string, number>> = {
  postgres: 5432,
  postgis: 5432,
  mysql: 3306,
  mariadb: 3306,
  redis: 6379,
  valkey: 6379,
  mongo: 27017,
  mongodb: 27017,
  rabbitmq: 5672,
  nats: 4222,
  memcached: 11211,
  elasticsearch: 9200,
  opensearch: 9200,
  kafka: 9092,
  zookeeper: 2181,
  minio: 9000,
  nginx: 80,
  httpd: 80,
  caddy: 80,
  clickhouse: 9000,
  'clickhouse-server': 9000,
  cassandra: 9042,
  etcd: 2379,
  wordpress: 80,
  grafana: 3000,
  prometheus: 9090,
  mailhog: 1025,
  localstack: 4566,
};

/** Port used for an exposed service when nothing else names one: the usual application port. */
export const DEFAULT_APP_PORT = 8080;

/** The usual port of an image such as postgres:16-alpine or docker.io/bitnami/redis, if known. */
export function wellKnownImagePort(image: string): number | undefined {
  const withoutDigest = image.split('@')[0]!;
  const lastSegment = withoutDigest.split('/').at(-1)!;
  const repository = lastSegment.split(':')[0]!;
  return IMAGE_PORTS[repository];
}
