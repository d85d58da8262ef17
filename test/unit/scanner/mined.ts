/**
 * Cases shaped after real public code (found by search, every credential swapped for a fake of the same shape) that
 * the scanner missed or misread: Go, SQL and C# sources, minified bundles, JWT and bearer secrets in many languages,
 * and the look-alikes that must stay silent (secret names and paths, message strings, encrypted values). Fake
 * credentials are assembled from pieces so no file here reads as a live credential.
 */
import type { FileCase } from './realistic';

const PASSWORD = 'Kq8vL2' + 'mZp9xW';
const AWS_SECRET = 'q8Zr2Lm9Pw4Xk8Vn3Bc6' + 'Tj1Fd5Sy0Ge7Ui2OqRt/';
const STRIPE_SHORT = 'sk_test_' + '4eC39HqLyjWDarjt2b';

export const MINED: FileCase[] = [
  {
    name: 'Copies and templates of a config file are read as config',
    path: 'src/main/resources/application.properties.example',
    text: ['spring.datasource.username=springuser', `spring.datasource.password=${PASSWORD}`].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'A Jinja template of a YAML file',
    path: 'roles/app/templates/config.yml.j2',
    text: ['database:', '  user: app', `  password: ${PASSWORD}`, '  host: "{{ db_host }}"'].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'AWS credential objects given the secret beside a key ID from elsewhere',
    path: 'src/main/java/com/example/S3Config.java',
    text: [
      'AmazonS3 s3 = new AmazonS3Client(new BasicAWSCredentials(ACCESS_KEY, "' + AWS_SECRET + '"));',
      'creds := credentials.NewStaticCredentials(os.Getenv("AWS_ID"), "' + AWS_SECRET + '", "")',
      "Aws::Credentials.new(ENV['AWS_ID'], '" + AWS_SECRET + "')",
      'AwsBasicCredentials.create(accessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")',
    ].join('\n'),
    secrets: [AWS_SECRET, AWS_SECRET, AWS_SECRET],
  },
  {
    name: 'A Stripe key shorter than issued ones, passed to the client unnamed',
    path: 'server/payments.js',
    text: [
      `const stripe = new Stripe('${STRIPE_SHORT}');`,
      "const sample = new Stripe('sk_test_yourstripekey');",
      "const digits = new Stripe('sk_test_1234567890');",
    ].join('\n'),
    secrets: [STRIPE_SHORT],
  },
];

export const MINED_CLEAN: FileCase[] = [];
