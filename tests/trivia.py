"""LibCST's whitespace and punctuation nodes, named by their public classes: the nodes ovlint's
node index and its scope analysis leave out (`cst_walk.classify` tells them by LibCST's modules)."""
import libcst

TRIVIA = (libcst.BaseParenthesizableWhitespace, libcst.TrailingWhitespace, libcst.EmptyLine, libcst.Newline,
          libcst.Comment, libcst.Comma, libcst.Dot, libcst.Colon, libcst.Semicolon, libcst.AssignEqual,
          libcst.ImportStar, libcst.BaseUnaryOp, libcst.BaseBooleanOp, libcst.BaseBinaryOp, libcst.BaseCompOp,
          libcst.BaseAugOp, libcst.LeftParen, libcst.RightParen, libcst.LeftSquareBracket, libcst.RightSquareBracket,
          libcst.LeftCurlyBrace, libcst.RightCurlyBrace)
