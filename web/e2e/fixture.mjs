// The fixture repository the end-to-end test serves: a small Java package and a 10,000-line file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIG_FILE_LINES = 10000;

export function writeFixture(root) {
  const pkg = join(root, 'src/demo');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, 'Accounts.java'),
    `package demo;

/** Users of the demo. */
public class Accounts {
  private final String prefix = "user";

  /** The display name of a user. */
  public String getUserName(int id) {
    return prefix + id;
  }

  public int count() {
    return 42;
  }
}
`,
  );
  writeFileSync(
    join(pkg, 'Ledger.java'),
    `package demo;

class Ledger {
  private final Accounts accounts = new Accounts();

  String owner() {
    return accounts.getUserName(7);
  }

  String auditor() {
    return accounts.getUserName(8);
  }
}
`,
  );
  // Just over 10,000 lines: 1,667 small methods of six lines each plus the class lines.
  const methods = [];
  for (let i = 0; methods.length * 6 < BIG_FILE_LINES; i++) {
    methods.push(
      `  /** Step ${i}. */\n  int step${i}(int x) {\n    int y = x * ${i % 97};\n    return y + ${i};\n  }\n`,
    );
  }
  const big = `package demo;\n\nclass Big {\n${methods.join('\n')}}\n`;
  writeFileSync(join(pkg, 'Big.java'), big);
  writeFileSync(join(root, 'README.md'), '# Demo\n\nA fixture for the web app test.\n');
  return big.split('\n').length - 1;
}
