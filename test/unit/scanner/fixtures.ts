/**
 * Realistic snippets per format. `positive` cases list the exact secrets that must be found (and nothing else);
 * `negative` cases must yield no finding. Fake credentials are assembled from pieces so that this file itself reads as
 * test data.
 */
const ak = 'LTAI' + '5tQ9x8Yz7W6v5U4t3S2r';
const sk = 'Ab3dEf6hIj9kLm2nOp' + '5qRs8tUv1wXy';
const gh = 'ghp_' + 'R8fK2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u';

export interface Case {
  name: string;
  path: string;
  text: string;
  secrets: string[];
}

export const POSITIVE: Case[] = [
  { name: '.env password', path: '.env', text: 'DB_HOST=db\nDB_PASSWORD=Tr0ub4dor&3x\n', secrets: ['Tr0ub4dor&3x'] },
  {
    name: '.env quoted token with comment',
    path: 'config/.env.production',
    text: 'API_TOKEN="t0k-9f8e7d6c5b4a"  # prod\n',
    secrets: ['t0k-9f8e7d6c5b4a'],
  },
  {
    name: 'YAML Spring datasource',
    path: 'src/main/resources/application.yml',
    text: 'spring:\n  datasource:\n    url: jdbc:mysql://db:3306/shop\n    username: shop\n    password: Sh0pPa55-2024\n',
    secrets: ['Sh0pPa55-2024'],
  },
  {
    name: 'properties',
    path: 'application.properties',
    text: 'spring.datasource.password=Pr0psPw!9\nserver.port=8080\n',
    secrets: ['Pr0psPw!9'],
  },
  {
    name: 'JSON',
    path: 'config/settings.json',
    text: '{\n  "database": {\n    "password": "J5onPw-77x"\n  }\n}\n',
    secrets: ['J5onPw-77x'],
  },
  { name: 'INI', path: 'my.cnf', text: '[client]\nuser = root\npassword = IniPw_4455\n', secrets: ['IniPw_4455'] },
  { name: 'TOML', path: 'config.toml', text: '[redis]\npassword = "T0mlRedis#1"\n', secrets: ['T0mlRedis#1'] },
  {
    name: 'Terraform',
    path: 'main.tf',
    text: 'resource "alicloud_db_account" "app" {\n  account_password = "TfDbPw-9988"\n}\n',
    secrets: ['TfDbPw-9988'],
  },
  {
    name: 'Maven settings.xml',
    path: 'settings.xml',
    text: '<server>\n  <id>nexus</id>\n  <username>deploy</username>\n  <password>MavenPw-42x</password>\n</server>\n',
    secrets: ['MavenPw-42x'],
  },
  {
    name: 'Dockerfile ENV',
    path: 'Dockerfile',
    text: 'FROM node:20\nENV DB_PASSWORD=DockPw-321\nENV API_TOKEN t0ken-Dock-88\n',
    secrets: ['DockPw-321', 't0ken-Dock-88'],
  },
  {
    name: 'docker-compose',
    path: 'docker-compose.yml',
    text: 'services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: C0mposeRoot!\n      - POSTGRES_PASSWORD=PgC0mpose9\n',
    secrets: ['C0mposeRoot!', 'PgC0mpose9'],
  },
  {
    name: 'Kubernetes Secret stringData',
    path: 'k8s/secret.yaml',
    text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  DB_URL_PART: k8sValue-771\n',
    secrets: ['k8sValue-771'],
  },
  {
    name: 'shell',
    path: 'deploy.sh',
    text: '#!/bin/sh\nexport PGPASSWORD=ShellPg-55\nmysql -uroot -pMyShellPw1 shop\n',
    secrets: ['ShellPg-55', 'MyShellPw1'],
  },
  {
    name: 'SQL',
    path: 'init.sql',
    text: "CREATE USER 'app'@'%' IDENTIFIED BY 'SqlInit-8877';\n",
    secrets: ['SqlInit-8877'],
  },
  {
    name: 'JavaScript object',
    path: 'src/db.js',
    text: "const pool = mysql.createPool({ host: 'db', user: 'app', password: 'JsPool-5566' });\n",
    secrets: ['JsPool-5566'],
  },
  {
    name: 'TypeScript const',
    path: 'src/config.ts',
    text: "export const apiKey = 'k3y-9a8b7c6d5e4f';\n",
    secrets: ['k3y-9a8b7c6d5e4f'],
  },
  {
    name: 'Python kwargs and positional',
    path: 'app/db.py',
    text: "conn = pymysql.connect('db', 'app', 'PyPos-1122', 'shop')\nr = redis.Redis(host='r', password='PyRedis-33')\n",
    secrets: ['PyPos-1122', 'PyRedis-33'],
  },
  {
    name: 'Python getenv default',
    path: 'settings.py',
    text: "SECRET_KEY = os.getenv('DJANGO_SECRET', 'dj-Fallback-8u7y6t')\n",
    secrets: ['dj-Fallback-8u7y6t'],
  },
  {
    name: 'Java JDBC',
    path: 'Db.java',
    text: 'Connection c = DriverManager.getConnection(url, "app", "JavaJdbc-44");\n',
    secrets: ['JavaJdbc-44'],
  },
  {
    name: 'Go DSN',
    path: 'main.go',
    text: 'db, _ := sql.Open("mysql", "app:GoDsn-909@tcp(db:3306)/shop")\n',
    secrets: ['GoDsn-909'],
  },
  {
    name: 'C# connection string',
    path: 'Startup.cs',
    text: 'var cs = "Server=db;Database=shop;User Id=sa;Password=AdoNet-73;";\n',
    secrets: ['AdoNet-73'],
  },
  {
    name: 'PHP',
    path: 'wp-config.php',
    text: "define('DB_PASSWORD', 'WpDb-6655');\n$password = 'PhpVar-1010';\n",
    secrets: ['WpDb-6655', 'PhpVar-1010'],
  },
  { name: 'Ruby', path: 'config/database.rb', text: "config.password = 'RubyPw-3131'\n", secrets: ['RubyPw-3131'] },
  {
    name: 'connection URLs',
    path: 'src/urls.ts',
    text: 'const a = "postgres://app:PgUrl-2468@db:5432/shop";\nconst b = "mongodb+srv://app:MgUrl-1357@cluster0.mongodb.net/x";\nconst c = "redis://:RedisUrl-99@cache:6379/0";\nconst d = "amqp://app:AmqpUrl-11@mq:5672";\n',
    secrets: ['PgUrl-2468', 'MgUrl-1357', 'RedisUrl-99', 'AmqpUrl-11'],
  },
  {
    name: 'Alibaba Cloud AccessKey pair in code',
    path: 'oss.js',
    text: `const client = new OSS({ accessKeyId: '${ak}', accessKeySecret: '${sk}' });\n`,
    secrets: [ak, sk],
  },
  {
    name: 'AccessKey secret without a telling name near its ID',
    path: 'cfg.go',
    text: `cfg := sdk.NewConfig("${ak}",\n  "${sk}")\n`,
    secrets: [ak, sk],
  },
  { name: 'GitHub token in any text', path: 'notes.txt', text: `use ${gh} for the release\n`, secrets: [gh] },
  {
    name: 'bearer token in a curl command',
    path: 'call.sh',
    text: 'curl -H "Authorization: Bearer eyQ9fK2mW8xQ4vL7nP3sT6yB1cJ5hD0g" https://api\n',
    secrets: ['eyQ9fK2mW8xQ4vL7nP3sT6yB1cJ5hD0g'],
  },
  {
    name: 'notebook source line',
    path: 'analysis.ipynb',
    text: '{"cells":[{"source":["password = \\"NbPw-8899\\"\\n"]}]}\n',
    secrets: ['NbPw-8899'],
  },
];

export const NEGATIVE: Case[] = [
  {
    name: 'placeholders',
    path: '.env.example',
    text: 'DB_PASSWORD=changeme\nAPI_KEY=<your-api-key>\nTOKEN=${TOKEN}\nSECRET={{ secret }}\nPASS=%(password)s\nX_PASSWORD=xxxxxxxx\nY_PASSWORD=your-password-here\n',
    secrets: [],
  },
  {
    name: 'environment lookups',
    path: 'src/app.ts',
    text: 'const password = process.env.DB_PASSWORD;\nconst token = process.env["TOKEN"] ?? "";\n',
    secrets: [],
  },
  {
    name: 'Python lookups',
    path: 'app.py',
    text: "password = os.environ['DB_PASSWORD']\ntoken = os.getenv('TOKEN')\n",
    secrets: [],
  },
  {
    name: 'references',
    path: '.env',
    text: 'DB_PASSWORD=kms://shop/db-password\nDB_USER=kms://shop/db#username\nARN=acs:kms:cn-hangzhou:123456789012:secret/shop/db\n',
    secrets: [],
  },
  {
    name: 'types and identifiers',
    path: 'src/user.ts',
    text: 'interface User { password: string; token?: string }\nfunction login(password: string) { return check(password, user.password); }\nconst { password } = body;\n',
    secrets: [],
  },
  {
    name: 'UI strings',
    path: 'src/form.tsx',
    text: "const label = 'Enter password';\nconst passwordPlaceholder = 'Password';\nconst error = { password: 'Password is required.' };\n",
    secrets: [],
  },
  {
    name: 'hashes and ids',
    path: 'package.json',
    text: '{\n  "integrity": "sha512-abc123def456",\n  "commit": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4"\n}\n',
    secrets: [],
  },
  {
    name: 'settings about secrets',
    path: 'config.yml',
    text: 'password_min_length: 12\ntoken_expiry: 3600\nsecret_name: shop/db\npassword_policy: strong\nauth_url: https://auth.example.com\n',
    secrets: [],
  },
  { name: 'empty values', path: '.env', text: 'DB_PASSWORD=\nAPI_KEY=""\n', secrets: [] },
  {
    name: 'documentation example keys',
    path: 'README.md',
    text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
    secrets: [],
  },
  {
    name: 'filler tokens in docs',
    path: 'docs.txt',
    text: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nsk_live_AAAAAAAAAAAAAAAAAAAAAAAA\n',
    secrets: [],
  },
  {
    name: 'URLs without credentials',
    path: 'src/urls.ts',
    text: 'const u = "postgres://db:5432/shop";\nconst h = "https://example.com/path?x=1";\n',
    secrets: [],
  },
  {
    name: 'translation catalogue',
    path: 'locales/de/messages.json',
    text: '{ "password": "Passwort eingeben" , "token": "Zugangsschluessel" }\n',
    secrets: [],
  },
];
