// A recursive-descent parser for HCL2's native syntax, following HashiCorp's specification
// (hclsyntax/spec.md) and the choices of its parser where the specification is silent:
// newlines end attributes and separate object items but are ignored inside parentheses,
// brackets, function arguments and interpolations; templates fold literal text, apply strip
// markers and flush heredocs as HashiCorp's parser does.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

#include "text/hcl_lex.hpp"

namespace stackplan::text::hcl {

namespace {

class Parser {
 public:
  explicit Parser(const std::string& text)
      : lx_(text), src_(lx_.src), at_(lx_.at), newlines_(lx_.newlines) {}

  File run() {
    File file;
    try {
      file.body = parse_body(/*nested=*/false);
    } catch (const ParseError& e) {
      Error error;
      error.message = e.message;
      error.range = {pos(e.begin), pos(e.end)};
      file.errors.push_back(std::move(error));
    }
    return file;
  }

 private:
  // ---- positions and tokens (hcl_lex.cpp) --------------------------------------------------

  Pos pos(std::size_t byte) const { return lx_.pos(byte); }
  Range range(std::size_t begin, std::size_t end) const { return lx_.range(begin, end); }
  [[noreturn]] void fail(std::size_t begin, std::size_t end, std::string message) const {
    lx_.fail(begin, end, std::move(message));
  }
  [[noreturn]] void fail(const Token& t, std::string message) const {
    lx_.fail(t, std::move(message));
  }
  void skip_space() { lx_.skip_space(); }
  char peek_char(std::size_t ahead) const { return lx_.peek_char(ahead); }
  Token peek() { return lx_.peek(); }
  Token next() { return lx_.lex(); }
  Token expect(Tok type, const char* what) {
    Token t = next();
    if (t.type != type) {
      fail(t, std::string("expected ") + what + ", found " + describe(t));
    }
    return t;
  }
  std::string describe(const Token& t) const { return lx_.describe(t); }

  /// Scoped change of whether newlines are tokens.
  struct Newlines {
    Parser& p;
    bool saved;
    Newlines(Parser& parser, bool significant) : p(parser), saved(parser.newlines_) {
      p.newlines_ = significant;
    }
    ~Newlines() { p.newlines_ = saved; }
  };

  // ---- bodies ------------------------------------------------------------------------------

  Body parse_body(bool nested) {
    Depth depth(*this);
    Newlines nl(*this, true);
    Body body;
    body.range.begin = pos(at_);
    std::set<std::string> names;
    for (;;) {
      Token t = peek();
      if (t.type == Tok::newline) {
        next();
        continue;
      }
      if (t.type == Tok::eof) {
        if (nested) {
          fail(t, "expected '}' to close the block, found the end of the file");
        }
        break;
      }
      if (t.type == Tok::rbrace && nested) {
        break;
      }
      if (t.type != Tok::ident) {
        fail(t, "expected an argument or block definition, found " + describe(t));
      }
      next();
      Token after = peek();
      if (after.type == Tok::equal) {
        next();
        Attribute a = parse_attribute_rest(t);
        end_of_item(nested);
        if (!names.insert(a.name).second) {
          fail(t, "argument \"" + a.name + "\" was already set in this body");
        }
        body.attributes.push_back(std::move(a));
      } else if (after.type == Tok::ident || after.type == Tok::quote ||
                 after.type == Tok::lbrace) {
        body.blocks.push_back(parse_block_rest(t));
        end_of_item(nested);
      } else {
        fail(after, "expected '=' or a block after \"" + t.text + "\", found " + describe(after));
      }
    }
    body.range.end = pos(at_);
    return body;
  }

  /// After an argument or a block: a newline, or the end of the file.
  void end_of_item(bool nested) {
    Token t = peek();
    if (t.type == Tok::newline) {
      next();
      return;
    }
    if (t.type == Tok::eof && !nested) {
      return;
    }
    fail(t, "expected a newline after the argument or block, found " + describe(t));
  }

  Attribute parse_attribute_rest(const Token& name) {
    Attribute a;
    a.name = name.text;
    a.name_range = range(name.begin, name.end);
    a.expr = parse_expression();
    a.range = {pos(name.begin), a.expr->range.end};
    return a;
  }

  Block parse_block_rest(const Token& type) {
    Block b;
    b.type = type.text;
    b.type_range = range(type.begin, type.end);
    for (;;) {
      Token t = next();
      if (t.type == Tok::ident) {
        b.labels.push_back(t.text);
        b.label_ranges.push_back(range(t.begin, t.end));
      } else if (t.type == Tok::quote) {
        ExprPtr label = parse_quoted_template(t);
        if (label->kind != ExprKind::string) {
          fail(t.begin, static_cast<std::size_t>(label->range.end.byte),
               "block labels cannot contain interpolations or directives");
        }
        b.labels.push_back(label->text);
        b.label_ranges.push_back(label->range);
      } else if (t.type == Tok::lbrace) {
        break;
      } else {
        fail(t, "expected a block label or '{', found " + describe(t));
      }
    }
    Token first = peek();
    if (first.type == Tok::newline) {
      b.body = parse_body(/*nested=*/true);
      expect(Tok::rbrace, "'}'");
    } else {
      // A single-line block: nothing, or one argument, before '}'.
      Newlines nl(*this, true);
      b.body.range.begin = pos(at_);
      if (first.type != Tok::rbrace) {
        Token name = expect(Tok::ident, "an argument or '}'");
        Token eq = next();
        if (eq.type != Tok::equal) {
          fail(eq, "a single-line block can hold only one argument, not a nested block");
        }
        b.body.attributes.push_back(parse_attribute_rest(name));
      }
      b.body.range.end = pos(at_);
      Token close = next();
      if (close.type != Tok::rbrace) {
        fail(close, "a single-line block can hold only one argument; expected '}', found " +
                        describe(close));
      }
    }
    b.range = range(type.begin, at_);
    return b;
  }

  // ---- expressions -------------------------------------------------------------------------

  ExprPtr make(ExprKind kind, std::size_t begin, std::size_t end) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->range = range(begin, end);
    return e;
  }
  static std::size_t end_of(const ExprPtr& e) { return e->range.end.byte; }
  static std::size_t begin_of(const ExprPtr& e) { return e->range.begin.byte; }

  /// Counts nesting so that a hostile file cannot exhaust the stack.
  struct Depth {
    Parser& p;
    explicit Depth(Parser& parser) : p(parser) {
      if (++p.depth_ > k_max_depth) {
        p.fail(
            p.at_, p.at_ + 1,
            "expressions or blocks nested deeper than " + std::to_string(k_max_depth) + " levels");
      }
    }
    ~Depth() { --p.depth_; }
  };
  static constexpr int k_max_depth = 500;

  ExprPtr parse_expression() {
    Depth depth(*this);
    ExprPtr cond = parse_binary(0);
    if (peek().type != Tok::question) {
      return cond;
    }
    next();
    ExprPtr yes = parse_expression();
    expect(Tok::colon, "':' in a conditional expression");
    ExprPtr no = parse_expression();
    auto e = make(ExprKind::conditional, begin_of(cond), end_of(no));
    e->items.push_back(std::move(cond));
    e->items.push_back(std::move(yes));
    e->items.push_back(std::move(no));
    return e;
  }

  static int precedence(const Token& t) {
    if (t.type == Tok::star)
      return 6;
    if (t.type != Tok::op)
      return -1;
    const std::string& o = t.text;
    if (o == "||")
      return 1;
    if (o == "&&")
      return 2;
    if (o == "==" || o == "!=")
      return 3;
    if (o == "<" || o == ">" || o == "<=" || o == ">=")
      return 4;
    if (o == "+" || o == "-")
      return 5;
    if (o == "/" || o == "%")
      return 6;
    return -1;
  }

  ExprPtr parse_binary(int min_level) {
    ExprPtr left = parse_unary();
    for (;;) {
      Token op = peek();
      int level = precedence(op);
      if (level < 0 || level < min_level) {
        return left;
      }
      next();
      ExprPtr right = parse_binary(level + 1);
      auto e = make(ExprKind::binary, begin_of(left), end_of(right));
      e->text = op.type == Tok::star ? "*" : op.text;
      e->items.push_back(std::move(left));
      e->items.push_back(std::move(right));
      left = std::move(e);
    }
  }

  ExprPtr parse_unary() {
    Depth depth(*this);
    Token t = peek();
    if (t.type == Tok::op && (t.text == "-" || t.text == "!")) {
      next();
      ExprPtr operand = parse_unary();
      auto e = make(ExprKind::unary, t.begin, end_of(operand));
      e->text = t.text;
      e->items.push_back(std::move(operand));
      return e;
    }
    return parse_traversals(parse_term());
  }

  ExprPtr parse_term() {
    Token t = next();
    switch (t.type) {
      case Tok::number: {
        auto e = make(ExprKind::number, t.begin, t.end);
        e->text = t.text;
        return e;
      }
      case Tok::quote:
        return parse_quoted_template(t);
      case Tok::heredoc:
        return parse_heredoc(t);
      case Tok::ident: {
        if (t.text == "true" || t.text == "false") {
          auto e = make(ExprKind::boolean, t.begin, t.end);
          e->text = t.text;
          return e;
        }
        if (t.text == "null") {
          return make(ExprKind::null, t.begin, t.end);
        }
        if (peek().type == Tok::lparen) {
          return parse_call(t);
        }
        auto e = make(ExprKind::variable, t.begin, t.end);
        e->text = t.text;
        return e;
      }
      case Tok::lparen: {
        Newlines nl(*this, false);
        ExprPtr inner = parse_expression();
        Token close = expect(Tok::rparen, "')'");
        auto e = make(ExprKind::paren, t.begin, close.end);
        e->items.push_back(std::move(inner));
        return e;
      }
      case Tok::lbrack:
        return is_for() ? parse_for(t, /*object=*/false) : parse_tuple(t);
      case Tok::lbrace:
        return is_for() ? parse_for(t, /*object=*/true) : parse_object(t);
      default:
        fail(t, "expected an expression, found " + describe(t));
    }
  }

  /// `for` right after the bracket starts a for expression (so `{ for = 1 }` is not an object).
  bool is_for() {
    Newlines nl(*this, false);
    Token a = peek();
    return a.type == Tok::ident && a.text == "for";
  }

  /// Comma-separated expressions up to `close` (a trailing comma allowed), appended to
  /// `e->items`; with `ellipsis`, the last one may be followed by `...`. Returns the closer.
  Token parse_list(Expr& e, Tok close, bool ellipsis, const std::string& what) {
    const char* closer = close == Tok::rparen ? "')'" : "']'";
    for (;;) {
      if (peek().type == close) {
        break;
      }
      e.items.push_back(parse_expression());
      Token sep = peek();
      if (ellipsis && sep.type == Tok::ellipsis) {
        next();
        e.expand_final = true;
        if (peek().type != close) {
          fail(peek(), std::string("expected ") + closer + " after the expanded final argument");
        }
        break;
      }
      if (sep.type == Tok::comma) {
        next();
        continue;
      }
      if (sep.type != close) {
        fail(sep,
             std::string("expected ',' or ") + closer + " " + what + ", found " + describe(sep));
      }
    }
    return next();
  }

  ExprPtr parse_call(const Token& name) {
    Newlines nl(*this, false);
    next();  // (
    auto e = make(ExprKind::call, name.begin, name.end);
    e->text = name.text;
    Token close = parse_list(*e, Tok::rparen, true, "in the arguments of " + name.text + "()");
    e->range = range(name.begin, close.end);
    return e;
  }

  ExprPtr parse_tuple(const Token& open) {
    Newlines nl(*this, false);
    auto e = make(ExprKind::tuple, open.begin, open.end);
    Token close = parse_list(*e, Tok::rbrack, false, "in a tuple");
    e->range = range(open.begin, close.end);
    return e;
  }

  ExprPtr parse_object(const Token& open) {
    Newlines nl(*this, true);
    auto e = make(ExprKind::object, open.begin, open.end);
    for (;;) {
      Token t = peek();
      if (t.type == Tok::newline) {
        next();
        continue;
      }
      if (t.type == Tok::rbrace) {
        break;
      }
      ExprPtr key;
      {
        Newlines keys(*this, false);
        key = parse_expression();
      }
      // A lone identifier (or keyword) names the key itself rather than a variable.
      if (key->kind == ExprKind::variable || key->kind == ExprKind::boolean ||
          key->kind == ExprKind::null) {
        key->bare_key = true;
      }
      Token eq = next();
      if (eq.type != Tok::equal && eq.type != Tok::colon) {
        fail(eq, "expected '=' or ':' after an object key, found " + describe(eq));
      }
      e->items.push_back(std::move(key));
      e->items.push_back(parse_expression());
      Token sep = peek();
      if (sep.type == Tok::comma || sep.type == Tok::newline) {
        next();
        continue;
      }
      if (sep.type != Tok::rbrace) {
        fail(sep, "expected ',', a newline or '}' after an object item, found " + describe(sep));
      }
    }
    Token close = next();
    e->range = range(open.begin, close.end);
    return e;
  }

  ExprPtr parse_for(const Token& open, bool object) {
    Newlines nl(*this, false);
    next();  // for
    Token first = expect(Tok::ident, "a variable name after 'for'");
    std::string key_var;
    std::string value_var = first.text;
    if (peek().type == Tok::comma) {
      next();
      key_var = first.text;
      value_var = expect(Tok::ident, "a value variable name").text;
    }
    Token in = next();
    if (in.type != Tok::ident || in.text != "in") {
      fail(in, "expected 'in' in a for expression, found " + describe(in));
    }
    auto e = make(object ? ExprKind::for_object : ExprKind::for_tuple, open.begin, open.end);
    e->text = key_var;
    e->name = value_var;
    e->items.push_back(parse_expression());
    expect(Tok::colon, "':' in a for expression");
    if (object) {
      e->items.push_back(parse_expression());
      expect(Tok::arrow, "'=>' in a for expression that builds an object");
    }
    e->items.push_back(parse_expression());
    if (object && peek().type == Tok::ellipsis) {
      next();
      e->grouping = true;
    }
    Token t = peek();
    if (t.type == Tok::ident && t.text == "if") {
      next();
      e->items.push_back(parse_expression());
    } else {
      e->items.push_back(nullptr);
    }
    Token close = next();
    if (close.type != (object ? Tok::rbrace : Tok::rbrack)) {
      fail(close, std::string("expected '") + (object ? "}" : "]") +
                      "' to end the for expression, found " + describe(close));
    }
    e->range = range(open.begin, close.end);
    return e;
  }

  /// A node of `kind` over `inner` (and `key`), ending at `end`.
  ExprPtr wrap(ExprKind kind, ExprPtr inner, std::size_t end, ExprPtr key = nullptr) {
    auto e = make(kind, begin_of(inner), end);
    e->items.push_back(std::move(inner));
    if (key) {
      e->items.push_back(std::move(key));
    }
    return e;
  }

  /// `.name`, or the legacy index `.0`, applied to `from`.
  ExprPtr dot_step(ExprPtr from, const Token& name) {
    if (name.type == Tok::ident) {
      auto e = wrap(ExprKind::get_attr, std::move(from), name.end);
      e->text = name.text;
      return e;
    }
    if (name.type != Tok::number) {
      fail(name, "an attribute name is required after a dot");
    }
    if (name.text.find_first_not_of("0123456789") != std::string::npos) {
      fail(name, "the legacy index syntax (.0) cannot chain indexes; write [" +
                     name.text.substr(0, name.text.find('.')) + "][...] instead");
    }
    auto key = make(ExprKind::number, name.begin, name.end);
    key->text = name.text;
    return wrap(ExprKind::index, std::move(from), name.end, std::move(key));
  }

  /// A splat of `source`; `each` is the traversal applied to every element (just the element
  /// when there is none).
  ExprPtr splat(ExprPtr source, ExprPtr each, std::size_t end, const char* marker) {
    if (each->kind == ExprKind::splat_item) {
      each = nullptr;
    }
    auto e = wrap(ExprKind::splat, std::move(source), end);
    e->text = marker;
    e->items.push_back(std::move(each));
    return e;
  }

  ExprPtr parse_traversals(ExprPtr from) {
    for (;;) {
      Token t = peek();
      if (t.type == Tok::dot) {
        next();
        Token name = next();
        from = name.type == Tok::star ? parse_attr_splat(std::move(from), t)
                                      : dot_step(std::move(from), name);
      } else if (t.type == Tok::lbrack) {
        next();
        if (peek().type == Tok::star) {
          next();
          Token close = expect(Tok::rbrack, "']' right after '[*'");
          ExprPtr each = parse_traversals(make(ExprKind::splat_item, t.begin, close.end));
          const std::size_t end = end_of(each);
          from = splat(std::move(from), std::move(each), end, "[*]");
        } else {
          Newlines nl(*this, false);
          ExprPtr key = parse_expression();
          Token close = expect(Tok::rbrack, "']' to close the index");
          from = wrap(ExprKind::index, std::move(from), close.end, std::move(key));
        }
      } else {
        return from;
      }
    }
  }

  /// `x.*.a.b`: only attribute (and legacy index) steps follow an attribute-only splat.
  ExprPtr parse_attr_splat(ExprPtr from, const Token& dot) {
    ExprPtr each = make(ExprKind::splat_item, dot.begin, at_);
    std::size_t end = at_;
    while (peek().type == Tok::dot) {
      next();
      Token name = next();
      if (name.type == Tok::star) {
        fail(name, "a splat (*) cannot be used inside an attribute-only splat");
      }
      each = dot_step(std::move(each), name);
      end = name.end;
    }
    return splat(std::move(from), std::move(each), end, ".*");
  }

  // ---- templates ---------------------------------------------------------------------------

  /// One piece of a template before directives are nested: literal text, an interpolation, or
  /// a directive keyword with its expression.
  struct Piece {
    enum Kind { literal, interp, if_, else_, endif, for_, endfor } kind = literal;
    std::string text;  // literal text; for_: key variable
    std::string name;  // for_: value variable
    ExprPtr expr;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool strip_before = false;  // ~ after the opening ${ or %{
    bool strip_after = false;   // ~ before the closing }
  };

  /// Reads `${ expr }` or `%{ directive }` starting at at_ (pointing at '$' or '%').
  Piece read_sequence() {
    Piece p;
    p.begin = at_;
    const bool directive = src_[at_] == '%';
    at_ += 2;
    if (at_ < src_.size() && src_[at_] == '~') {
      p.strip_before = true;
      ++at_;
    }
    Newlines nl(*this, false);
    if (!directive) {
      p.kind = Piece::interp;
      p.expr = parse_expression();
    } else {
      Token kw = next();
      if (kw.type != Tok::ident) {
        fail(kw, "expected a template directive (if, else, endif, for, endfor)");
      }
      if (kw.text == "if") {
        p.kind = Piece::if_;
        p.expr = parse_expression();
      } else if (kw.text == "else") {
        p.kind = Piece::else_;
      } else if (kw.text == "endif") {
        p.kind = Piece::endif;
      } else if (kw.text == "for") {
        p.kind = Piece::for_;
        Token first = expect(Tok::ident, "a variable name after 'for'");
        p.name = first.text;
        if (peek().type == Tok::comma) {
          next();
          p.text = first.text;
          p.name = expect(Tok::ident, "a value variable name").text;
        }
        Token in = next();
        if (in.type != Tok::ident || in.text != "in") {
          fail(in, "expected 'in' in a template for directive");
        }
        p.expr = parse_expression();
      } else if (kw.text == "endfor") {
        p.kind = Piece::endfor;
      } else {
        fail(kw, "'" + kw.text + "' is not a template directive (if, else, endif, for, endfor)");
      }
    }
    Token close = next();
    if (close.type == Tok::tilde) {
      p.strip_after = true;
      close = next();
    }
    if (close.type != Tok::rbrace) {
      fail(close, std::string("expected '}' to close the template ") +
                      (directive ? "directive" : "interpolation") + ", found " + describe(close));
    }
    p.end = close.end;
    return p;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  static void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  ExprPtr parse_quoted_template(const Token& open) {
    std::vector<Piece> pieces;
    Piece lit;
    lit.begin = at_;
    auto flush_literal = [&] {
      if (!lit.text.empty()) {
        lit.end = at_;
        pieces.push_back(std::move(lit));
      }
      lit = Piece();
      lit.begin = at_;
    };
    for (;;) {
      if (at_ >= src_.size() || src_[at_] == '\n') {
        fail(open.begin, at_,
             "unterminated string: a quoted string must end with '\"' on the same line (use a "
             "heredoc for text over several lines)");
      }
      char c = src_[at_];
      if (c == '"') {
        flush_literal();
        ++at_;
        break;
      }
      if (c == '\\') {
        char e = peek_char(1);
        std::size_t start = at_;
        at_ += 2;
        switch (e) {
          case 'n':
            lit.text += '\n';
            break;
          case 'r':
            lit.text += '\r';
            break;
          case 't':
            lit.text += '\t';
            break;
          case '"':
            lit.text += '"';
            break;
          case '\\':
            lit.text += '\\';
            break;
          case 'u':
          case 'U': {
            const std::size_t digits = e == 'u' ? 4 : 8;
            unsigned long cp = 0;
            for (std::size_t i = 0; i < digits; ++i) {
              int h = at_ + i < src_.size() ? hex(src_[at_ + i]) : -1;
              if (h < 0) {
                fail(start, at_ + i,
                     "invalid escape: \\" + std::string(1, e) + " needs " + std::to_string(digits) +
                         " hexadecimal digits");
              }
              cp = cp * 16 + static_cast<unsigned long>(h);
            }
            at_ += digits;
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
              fail(start, at_, "invalid escape: not a Unicode character");
            }
            append_utf8(lit.text, cp);
            break;
          }
          default:
            fail(start, at_,
                 "invalid escape sequence \\" + std::string(1, e) +
                     " (use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN)");
        }
        continue;
      }
      if ((c == '$' || c == '%') && peek_char(1) == c && peek_char(2) == '{') {
        lit.text += c;
        lit.text += '{';
        at_ += 3;
        continue;
      }
      if ((c == '$' || c == '%') && peek_char(1) == '{') {
        flush_literal();
        pieces.push_back(read_sequence());
        lit.begin = at_;
        continue;
      }
      lit.text += c;
      ++at_;
    }
    return build_template(std::move(pieces), open.begin, at_, /*heredoc=*/false);
  }

  ExprPtr parse_heredoc(const Token& open) {
    std::vector<Piece> pieces;
    // Each line is its own literal piece, as in HashiCorp's scanner.
    std::size_t close_end = 0;
    Piece lit;
    lit.begin = at_;
    for (;;) {
      // At the start of a line: is it the closing marker?
      {
        std::size_t s = at_;
        while (s < src_.size() && (src_[s] == ' ' || src_[s] == '\t')) {
          ++s;
        }
        if (src_.compare(s, open.text.size(), open.text) == 0) {
          std::size_t e = s + open.text.size();
          std::size_t after = e;
          if (after < src_.size() && src_[after] == '\r') {
            ++after;
          }
          if (after >= src_.size() || src_[after] == '\n') {
            if (!lit.text.empty()) {
              lit.end = at_;
              pieces.push_back(std::move(lit));
            }
            close_end = e;
            at_ = e;
            break;
          }
        }
      }
      if (at_ >= src_.size()) {
        fail(open.begin, open.end,
             "unterminated heredoc: no line with only \"" + open.text + "\" closes it");
      }
      // The rest of the line, with its interpolations.
      for (;;) {
        if (at_ >= src_.size()) {
          break;
        }
        char c = src_[at_];
        if (c == '\n') {
          lit.text += '\n';
          ++at_;
          lit.end = at_;
          pieces.push_back(std::move(lit));
          lit = Piece();
          lit.begin = at_;
          break;
        }
        if ((c == '$' || c == '%') && peek_char(1) == c && peek_char(2) == '{') {
          lit.text += c;
          lit.text += '{';
          at_ += 3;
          continue;
        }
        if ((c == '$' || c == '%') && peek_char(1) == '{') {
          if (!lit.text.empty()) {
            lit.end = at_;
            pieces.push_back(std::move(lit));
          }
          lit = Piece();
          pieces.push_back(read_sequence());
          lit.begin = at_;
          continue;
        }
        lit.text += c;
        ++at_;
      }
    }
    if (open.flush) {
      flush_heredoc(pieces);
    }
    return build_template(std::move(pieces), open.begin, close_end, /*heredoc=*/true);
  }

  /// `<<-`: removes from each line the indentation every non-blank line has.
  static void flush_heredoc(std::vector<Piece>& pieces) {
    std::size_t min_spaces = std::string::npos;
    bool line_start = true;
    std::vector<Piece*> adjust;
    for (Piece& p : pieces) {
      if (line_start) {
        line_start = false;
        std::size_t spaces = 0;
        if (p.kind == Piece::literal) {
          std::size_t n = 0;
          while (n < p.text.size() && (p.text[n] == ' ' || p.text[n] == '\t')) {
            ++n;
          }
          const bool blank = !p.text.empty() && p.text.back() == '\n' && n == p.text.size() - 1;
          if (blank) {
            spaces = std::string::npos;
          } else {
            spaces = n;
            adjust.push_back(&p);
          }
        }
        min_spaces = std::min(min_spaces, spaces);
      }
      if (p.kind == Piece::literal && !p.text.empty() && p.text.back() == '\n') {
        line_start = true;
      }
    }
    if (min_spaces == std::string::npos) {
      return;
    }
    for (Piece* p : adjust) {
      p->text.erase(0, min_spaces);
      p->begin += min_spaces;
    }
  }

  /// Applies strip markers, nests directives, and folds the pieces into an expression: a
  /// plain string when there is only literal text.
  ExprPtr build_template(std::vector<Piece> pieces, std::size_t begin, std::size_t end,
                         bool heredoc) {
    // Strip markers remove the whitespace (and newlines) next to them in literal text.
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].kind == Piece::literal) {
        continue;
      }
      if (pieces[i].strip_before && i > 0 && pieces[i - 1].kind == Piece::literal) {
        std::string& t = pieces[i - 1].text;
        t.erase(t.find_last_not_of(" \t\r\n") + 1);
      }
      if (pieces[i].strip_after && i + 1 < pieces.size() && pieces[i + 1].kind == Piece::literal) {
        std::string& t = pieces[i + 1].text;
        t.erase(0, t.find_first_not_of(" \t\r\n") == std::string::npos
                       ? t.size()
                       : t.find_first_not_of(" \t\r\n"));
      }
    }
    std::size_t at = 0;
    ExprPtr tmpl = nest(pieces, at, begin, end, Piece::literal);
    if (at != pieces.size()) {
      const Piece& p = pieces[at];
      fail(p.begin, p.end, "unexpected template directive here");
    }
    tmpl->heredoc = heredoc;
    // Only literal text: a string.
    bool literal_only = true;
    std::string value;
    for (const ExprPtr& part : tmpl->items) {
      if (part->kind != ExprKind::string) {
        literal_only = false;
        break;
      }
      value += part->text;
    }
    if (literal_only) {
      auto s = make(ExprKind::string, begin, end);
      s->text = value;
      s->heredoc = heredoc;
      return s;
    }
    return tmpl;
  }

  /// Builds a template from pieces[at...] until the piece that ends the enclosing directive
  /// (`until`: else_/endif for if, endfor for for, literal for the top level).
  ExprPtr nest(std::vector<Piece>& pieces, std::size_t& at, std::size_t begin, std::size_t end,
               Piece::Kind until) {
    auto tmpl = make(ExprKind::template_, begin, end);
    while (at < pieces.size()) {
      Piece& p = pieces[at];
      switch (p.kind) {
        case Piece::literal: {
          if (!p.text.empty()) {
            auto s = make(ExprKind::string, p.begin, p.end);
            s->text = p.text;
            tmpl->items.push_back(std::move(s));
          }
          ++at;
          break;
        }
        case Piece::interp:
          // An interpolated string stays an expression of its own, not literal text.
          if (p.expr->kind == ExprKind::string) {
            auto wrap = make(ExprKind::template_, p.begin, p.end);
            wrap->items.push_back(std::move(p.expr));
            tmpl->items.push_back(std::move(wrap));
          } else {
            tmpl->items.push_back(std::move(p.expr));
          }
          ++at;
          break;
        case Piece::if_: {
          auto d = make(ExprKind::template_if, p.begin, p.end);
          d->items.push_back(std::move(p.expr));
          ++at;
          d->items.push_back(nest(pieces, at, p.end, p.end, Piece::endif));
          if (at < pieces.size() && pieces[at].kind == Piece::else_) {
            ++at;
            d->items.push_back(
                nest(pieces, at, pieces[at - 1].end, pieces[at - 1].end, Piece::endif));
          } else {
            d->items.push_back(nullptr);
          }
          if (at >= pieces.size() || pieces[at].kind != Piece::endif) {
            fail(p.begin, p.end, "this %{if} has no matching %{endif}");
          }
          d->range.end = pos(pieces[at].end);
          ++at;
          tmpl->items.push_back(std::move(d));
          break;
        }
        case Piece::for_: {
          auto d = make(ExprKind::template_for, p.begin, p.end);
          d->text = p.text;
          d->name = p.name;
          d->items.push_back(std::move(p.expr));
          ++at;
          d->items.push_back(nest(pieces, at, p.end, p.end, Piece::endfor));
          if (at >= pieces.size() || pieces[at].kind != Piece::endfor) {
            fail(p.begin, p.end, "this %{for} has no matching %{endfor}");
          }
          d->range.end = pos(pieces[at].end);
          ++at;
          tmpl->items.push_back(std::move(d));
          break;
        }
        case Piece::else_:
        case Piece::endif:
          if (until != Piece::endif) {
            fail(p.begin, p.end,
                 p.kind == Piece::else_ ? "%{else} without a matching %{if}"
                                        : "%{endif} without a matching %{if}");
          }
          return tmpl;
        case Piece::endfor:
          if (until != Piece::endfor) {
            fail(p.begin, p.end, "%{endfor} without a matching %{for}");
          }
          return tmpl;
      }
    }
    return tmpl;
  }

  Lexer lx_;
  const std::string& src_;
  std::size_t& at_;  ///< the lexer's cursor: templates are read from it directly
  bool& newlines_;
  int depth_ = 0;
};

}  // namespace

File parse(const std::string& text) {
  return Parser(text).run();
}

namespace {

const char* kind_name(ExprKind k) {
  switch (k) {
    case ExprKind::number:
      return "number";
    case ExprKind::string:
      return "string";
    case ExprKind::boolean:
      return "bool";
    case ExprKind::null:
      return "null";
    case ExprKind::template_:
      return "template";
    case ExprKind::template_if:
      return "%if";
    case ExprKind::template_for:
      return "%for";
    case ExprKind::variable:
      return "var";
    case ExprKind::get_attr:
      return "attr";
    case ExprKind::index:
      return "index";
    case ExprKind::splat:
      return "splat";
    case ExprKind::splat_item:
      return "item";
    case ExprKind::call:
      return "call";
    case ExprKind::tuple:
      return "tuple";
    case ExprKind::object:
      return "object";
    case ExprKind::unary:
      return "unary";
    case ExprKind::binary:
      return "binary";
    case ExprKind::conditional:
      return "cond";
    case ExprKind::for_tuple:
      return "for[]";
    case ExprKind::for_object:
      return "for{}";
    case ExprKind::paren:
      return "paren";
  }
  return "?";
}

}  // namespace

std::string sexpr(const Expr* e) {
  if (e == nullptr) {
    return "_";
  }
  std::string out = "(";
  out += kind_name(e->kind);
  if (e->kind == ExprKind::string) {
    out += " \"";
    for (char c : e->text) {
      out += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
    }
    out += "\"";
  } else if (!e->text.empty()) {
    out += " " + e->text;
  }
  if (!e->name.empty()) {
    out += " " + e->name;
  }
  if (e->expand_final)
    out += " ...";
  if (e->grouping)
    out += " ...";
  if (e->bare_key)
    out += " bare";
  for (const ExprPtr& item : e->items) {
    out += " " + sexpr(item.get());
  }
  return out + ")";
}

}  // namespace stackplan::text::hcl
