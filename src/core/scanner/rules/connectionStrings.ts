/**
 * Passwords embedded in URLs and DSNs: `scheme://user:password@host` (databases, brokers, basic auth), JDBC query
 * parameters, Go's `user:password@tcp(host)`. The password is the finding; the quick fix moves the whole string.
 */
import type { Severity } from '../types';

export interface ConnectionRule {
  id: string;
  kind: string;
  severity: Severity;
  keywords: string[];
  pattern: RegExp;
}

const DATABASE_SCHEMES =
  /^(jdbc|mysql|mysqlx|mariadb|postgres|postgresql|pg|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|oracle|clickhouse|cassandra|neo4j|neo4j\+s|bolt|nats|kafka|ldap|ldaps|couchdb|elasticsearch|influxdb|cockroachdb|tidb|snowflake|sqlite|db2|memcached|rabbitmq|mqtt|mqtts|stomp|zookeeper|etcd|consul|ftp|ftps|sftp|smtp|smtps|imap|imaps|pop3|ssh|git|svn|ws|wss|tcp|ssl|tls|odbc)$/i;

export const CONNECTION_RULES: ConnectionRule[] = [
  {
    // also when the URL is joined around its password: 'postgres://app:' + 'x' + '@db/app', or to its host:
    // "amqp://user:x@" + host; or to no host at all: Airflow's aws://<key id>:<secret>@/?region_name=… and
    // snowflake://user:x@/DB/SCHEMA?account=…, Celery's
    // "sqs://<key id>:<secret>@"; the user may be a mail address left unencoded (smtp://alerts@acme.io:x@smtp.acme.io);
    // its slashes escaped in JSON (`postgres:\/\/…`, as Slack and PHP export them); a base64 password may hold `/`
    // (Azure Cache for Redis' access keys: `rediss://default:…/…=@host`)
    id: 'url-credentials',
    kind: 'password in a connection URL',
    severity: 'error',
    keywords: ['://', ':\\/\\/'],
    pattern:
      /\b(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,30}):(?:\\?\/){2}(?<user>(?:[^\s:/@'"<>{}()\\]{1,64}@)?[^\s:/@'"<>{}()\\]{0,100}):(?:(?<q>["'\x60])\s{0,4}\+\s{0,4}\k<q>)?(?<secret>[^\s@/'"<>\\\x60]{1,200}|[A-Za-z0-9+/]{20,200}={1,2})(?:\k<q>\s{0,4}\+\s{0,4}\k<q>)?@(?=[^\s/@'"<>]{1,200}|["'\x60]|\/[?\w])/g,
  },
  {
    id: 'url-password-parameter',
    kind: 'password in a connection URL',
    severity: 'error',
    keywords: ['password=', 'pwd=', 'passwd='],
    pattern: /[?&](?:password|pwd|passwd)=(?<secret>[^&;\s'"\x60#]{1,200})/gi,
  },
  {
    // Server=db;Password=x&y;: in a `;`-separated string (ADO.NET, SQL Server's JDBC) only `;` ends the value
    id: 'keyword-password-parameter',
    kind: 'password in a connection string',
    severity: 'error',
    keywords: [';password', ';pwd', ';passwd', '; password', '; pwd', '; passwd'],
    pattern: /;\s{0,4}(?:password|pwd|passwd)\s{0,4}=\s{0,4}(?<secret>[^;\s'"]{1,200})/gi,
  },
  {
    // A piece of one built by joining literals, a line each: ("Server=db;" "Uid=app;" "Pwd=x;"), + "Password=x;"
    id: 'joined-password-parameter',
    kind: 'password in a connection string',
    severity: 'error',
    keywords: ['"password=', '"pwd=', "'password=", "'pwd="],
    pattern: /^\s*\+?\s*["'](?:password|pwd|passwd)=(?<secret>[^;\s'"]{1,200});/gi,
  },
  {
    // https://api.example.com/v1/items?api_key=…&…: a key or token in a URL's query string, also a vendor's
    // (`?dd-api-key=…`, `?x-api-key=…`; GA4's Measurement Protocol `&api_secret=…`)
    id: 'url-secret-parameter',
    kind: 'secret in a URL',
    severity: 'warning',
    keywords: ['key=', 'token=', 'secret=', 'appid=', 'ak=', 'auth='],
    pattern:
      /[?&;](?<param>(?:[a-z]{1,12}[_-])?(?:api[_-]?(?:key|secret)|apikey|access[_-]?token|auth[_-]?token)|token|client[_-]?secret|secret|key|appid|ak|auth)=(?<secret>[^&;\s'"\x60#<>()[\]]{12,200})/gi,
  },
  {
    // Redis clients take a password alone as the URL's user: `redis://<password>@host` (Predis, phpredis, Symfony's
    // cache adapters; letters and digits both, not a user's name: `redis://sidekiq-worker@redis`)
    id: 'redis-url-password',
    kind: 'password in a connection URL',
    severity: 'error',
    keywords: ['redis://', 'rediss://'],
    pattern: /\brediss?:\/\/(?=[^\s@]{0,200}\d)(?=[^\s@]{0,200}[A-Za-z])(?<secret>[^\s:/@'"<>{}]{12,200})@/g,
  },
  {
    // Oracle's thin driver names its user and password before the host: jdbc:oracle:thin:scott/tiger@//db:1521/SVC
    id: 'oracle-thin-url',
    kind: 'password in a connection string',
    severity: 'error',
    keywords: ['oracle:thin:'],
    pattern: /\bjdbc:oracle:thin:(?<user>[\w$#.-]{1,64})\/(?<secret>[^\s@'"/]{1,200})@/gi,
  },
  {
    id: 'go-dsn',
    kind: 'password in a database DSN',
    severity: 'error',
    keywords: ['@tcp(', '@unix(', '@udp(', '@(', ':3306/', ':5432/', ':1433/', ':1521/', ':27017/', ':6379/'],
    // also without the protocol (`root:x@(127.0.0.1:3306)/shop` means tcp), or as a literal of its own on a database's
    // port: "root:x@127.0.0.1:3306/shop"; the driver splits at the last `@`, so one `@` may stand in a password before
    // `@tcp(` (`jdbc:` is never the user: Oracle's "jdbc:oracle:thin:@host:1521/SVC" names none)
    pattern:
      /(?<![\w/:])(?!jdbc:)(?<user>[A-Za-z0-9_.-]{1,64}):(?<secret>(?:[^\s@'"/]|@(?=[^\s@'"/]{1,200}@(?:tcp|unix|udp)?\()){1,200})@(?:(?:tcp|unix|udp)?\(|(?<=["'\x60][A-Za-z0-9_.-]{1,64}:[^\s@'"/]{1,200}@)[\w.-]{1,200}:\d{2,5}\/\w)/g,
  },
];

/** `basic-auth-url` for web URLs, `db-connection-string` for everything else. */
export function connectionRuleId(scheme: string | undefined): { id: string; kind: string } {
  if (scheme && /^https?$/i.test(scheme)) return { id: 'basic-auth-url', kind: 'password in a basic-auth URL' };
  if (!scheme || DATABASE_SCHEMES.test(scheme))
    return { id: 'db-connection-string', kind: 'password in a connection string' };
  return { id: 'url-credentials', kind: 'password in a URL' };
}
