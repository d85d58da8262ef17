// Order service database access.
const mysql = require('mysql2/promise');

const pool = mysql.createPool({
  host: 'orders-db.internal',
  user: 'orders',
  password: 'Orders-Pr0d-2024!',
  database: 'orders',
});

const ossClient = new OSS({
  region: 'oss-cn-hangzhou',
  accessKeyId: 'LTAI5tDemoKey8Wq3ZpR7xYt',
  accessKeySecret: 'q8ZxW3v2Tn6Lk9Pm4Rs7Bd1Fh5JcYa',
});

module.exports = { pool, ossClient };
