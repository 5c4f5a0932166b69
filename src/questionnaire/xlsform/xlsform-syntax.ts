// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/**
 * XLSForm's expression language (an XPath subset), read into and printed from {@link Expr}:
 * `${q}`, `.`, numbers, strings, `= != < <= > >= + - * div mod`, `and`, `or`, `not()`,
 * `selected()`, `count-selected()`, `string-length()`, `true()`, `false()`.
 */
import { type BinaryOp, type Expr, type ExpressionContext, ISO_DAY, numberText, operandText, PRECEDENCE, quoted, Unsupported } from "./expression.js";

type Token = { kind: "ref" | "dot" | "number" | "string" | "word" | "op"; text: string; at: number };

const TOKEN = /\s*(?:\$\{([^}]*)\}|(\d+(?:\.\d+)?|\.\d+)|'([^']*)'|"([^"]*)"|([A-Za-z_][\w-]*(?::[\w-]+)?)|(!=|<=|>=|[=<>+\-*(),])|(\.))/y;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported(text.slice(at).trim().slice(0, 20));
    const start = at + (m[0].length - m[0].trimStart().length);
    if (m[1] !== undefined) out.push({ kind: "ref", text: m[1], at: start });
    else if (m[2] !== undefined) out.push({ kind: "number", text: m[2], at: start });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ kind: "string", text: m[3] ?? m[4]!, at: start });
    else if (m[5] !== undefined) out.push({ kind: "word", text: m[5], at: start });
    else if (m[6] !== undefined) out.push({ kind: "op", text: m[6], at: start });
    else out.push({ kind: "dot", text: ".", at: start });
    at = TOKEN.lastIndex;
  }
  return out;
}

/** Binary operators of XPath by binding strength, as the tree spells them. */
const BINARY: Record<string, BinaryOp> = {
  or: "or",
  and: "and",
  "=": "=",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "+": "+",
  "-": "-",
  "*": "*",
  div: "/",
  mod: "%",
};

class Reader {
  private i = 0;
  constructor(
    private readonly list: Token[],
    private readonly ctx: ExpressionContext,
  ) {}

  read(): Expr {
    const expr = this.binary(1);
    const rest = this.list[this.i];
    if (rest) throw new Unsupported(rest.text);
    return expr;
  }

  private peekOp(): BinaryOp | undefined {
    const t = this.list[this.i];
    if (!t || (t.kind !== "op" && t.kind !== "word")) return undefined;
    return Object.hasOwn(BINARY, t.text) ? BINARY[t.text] : undefined;
  }

  private binary(level: number): Expr {
    if (level > 6) return this.unary();
    let left = this.binary(level + 1);
    for (let op = this.peekOp(); op && PRECEDENCE[op] === level; op = this.peekOp()) {
      this.i++;
      const right = this.binary(level + 1);
      left = emptyTest(op, left, right) ?? { kind: "binary", op, left, right };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.next();
    if (t.kind === "op" && t.text === "-") {
      const n = this.list[this.i];
      if (n?.kind === "number") {
        this.i++;
        return { kind: "literal", value: -Number(n.text) };
      }
      throw new Unsupported("-");
    }
    if (t.kind === "op" && t.text === "(") {
      const inner = this.binary(1);
      this.expect(")");
      return inner;
    }
    if (t.kind === "ref") return { kind: "ref", name: t.text };
    if (t.kind === "dot") return { kind: "ref", name: this.self() };
    if (t.kind === "number") return { kind: "literal", value: Number(t.text) };
    if (t.kind === "string") return { kind: "literal", value: t.text };
    if (t.kind === "word" && this.list[this.i]?.text === "(") return this.call(t.text);
    throw new Unsupported(t.text);
  }

  private call(name: string): Expr {
    this.i++;
    const args: Expr[] = [];
    if (this.list[this.i]?.text !== ")") {
      args.push(this.binary(1));
      while (this.list[this.i]?.text === ",") {
        this.i++;
        args.push(this.binary(1));
      }
    }
    this.expect(")");
    const [first, second] = args;
    if (name === "true" && args.length === 0) return { kind: "literal", value: true };
    if (name === "false" && args.length === 0) return { kind: "literal", value: false };
    if (name === "not" && args.length === 1) return { kind: "not", operand: first! };
    if (name === "date" && args.length === 1 && first?.kind === "literal" && typeof first.value === "string" && ISO_DAY.test(first.value))
      return { kind: "date", value: first.value };
    if (name === "selected" && args.length === 2 && first?.kind === "ref" && second?.kind === "literal" && typeof second.value !== "boolean") {
      return { kind: "selected", name: first.name, value: String(second.value) };
    }
    if ((name === "count-selected" || name === "string-length") && args.length === 1 && first?.kind === "ref") {
      return { kind: "length", name: first.name, of: name === "count-selected" ? "choices" : "text" };
    }
    throw new Unsupported(`${name}()`);
  }

  private self(): string {
    if (this.ctx.self === undefined) throw new Unsupported(".");
    return this.ctx.self;
  }

  private next(): Token {
    const t = this.list[this.i++];
    if (!t) throw new Unsupported("(end)");
    return t;
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new Unsupported(t.text);
  }
}

/** `${q} = ''` means "not answered" in XLSForm. */
function emptyTest(op: BinaryOp, left: Expr, right: Expr): Expr | undefined {
  if (op !== "=" && op !== "!=") return undefined;
  const [ref, other] = left.kind === "ref" ? [left, right] : [right, left];
  if (ref.kind !== "ref" || other.kind !== "literal" || other.value !== "") return undefined;
  return { kind: "empty", name: ref.name, negated: op === "!=" };
}

/** Reads an XLSForm expression; throws {@link Unsupported} naming what it cannot read. */
export function readXlsForm(text: string, ctx: ExpressionContext = {}): Expr {
  const list = tokens(text);
  if (list.length === 0) throw new Unsupported("(empty)");
  return new Reader(list, ctx).read();
}

const SPELLING: Partial<Record<BinaryOp, string>> = { "/": "div", "%": "mod" };

/** Prints a tree as XLSForm; throws {@link Unsupported} for a string with both quote marks. */
export function printXlsForm(expr: Expr, ctx: ExpressionContext = {}): string {
  const ref = (name: string) => (name === ctx.self ? "." : `\${${name}}`);
  const print = (e: Expr): string => {
    switch (e.kind) {
      case "ref":
        return ref(e.name);
      case "literal":
        return typeof e.value === "boolean" ? `${e.value}()` : typeof e.value === "number" ? numberText(e.value) : quoted(e.value);
      case "not":
        return `not(${print(e.operand)})`;
      case "binary":
        return `${operandText(e.left, e.op, "left", print)} ${SPELLING[e.op] ?? e.op} ${operandText(e.right, e.op, "right", print)}`;
      case "selected":
        return `selected(${ref(e.name)}, ${quoted(e.value)})`;
      case "length":
        return `${e.of === "choices" ? "count-selected" : "string-length"}(${ref(e.name)})`;
      case "empty":
        return `${ref(e.name)} ${e.negated ? "!=" : "="} ''`;
      case "date":
        return `date(${quoted(e.value)})`;
    }
  };
  return print(expr);
}
