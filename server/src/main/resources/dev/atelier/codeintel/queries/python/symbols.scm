; Python definitions (functions inside classes become methods)
(class_definition
  name: (identifier) @name
  body: (block . (expression_statement (string) @doc)?) @body) @def.class
(function_definition
  name: (identifier) @name
  body: (block . (expression_statement (string) @doc)?) @body) @def.function
(module (expression_statement (assignment left: (identifier) @name)) @def.variable)
(class_definition body: (block (expression_statement (assignment left: (identifier) @name)) @def.field))
