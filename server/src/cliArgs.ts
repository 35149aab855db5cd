/** Command-line arguments: `--name value`, `--name=value`, `--flag`, positionals, `--`. */

/** A command line that cannot be run as given; the CLI prints it with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parsed arguments with typed getters that throw {@link UsageError} on bad values. */
export class ParsedArgs {
  constructor(
    readonly positional: string[],
    private readonly options: Map<string, string | true>,
  ) {}

  /** Whether a flag (or valued option) was given. */
  has(name: string): boolean {
    return this.options.has(name);
  }

  /** A valued option's text. */
  string(name: string): string | undefined {
    const value = this.options.get(name);
    return value === true ? undefined : value;
  }

  /** A valued option that must be given. */
  required(name: string, what: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UsageError(`--${name} is required: ${what}`);
    return value;
  }

  /** A number option within [min, max] (and an integer when asked). */
  number(name: string, { min = -Infinity, max = Infinity, integer = false } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (
      text.trim() === '' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      const range = `${integer ? 'an integer' : 'a number'}${min > -Infinity ? ` ≥ ${min}` : ''}${max < Infinity ? ` ≤ ${max}` : ''}`;
      throw new UsageError(`--${name} must be ${range}, not "${text}"`);
    }
    return value;
  }

  /** One of a fixed set of words. */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (!(choices as readonly string[]).includes(text))
      throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${text}"`);
    return text as T;
  }

  /** A comma-separated list. */
  list(name: string): string[] | undefined {
    return this.string(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

/** Parses `args`; `valued` options take a value, `flags` take none; anything else is an error. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option "--${name}"`);
    }
  }
  return new ParsedArgs(positional, options);
}
