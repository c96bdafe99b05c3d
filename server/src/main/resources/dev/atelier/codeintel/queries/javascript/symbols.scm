(class_declaration name: (identifier) @name body: (class_body) @body) @def.class
(method_definition name: (property_identifier) @name @_eq.constructor body: (statement_block) @body) @def.constructor
(function_declaration name: (identifier) @name body: (statement_block) @body) @def.function
(generator_function_declaration name: (identifier) @name body: (statement_block) @body) @def.function
(method_definition name: [(property_identifier) (private_property_identifier)] @name body: (statement_block) @body) @def.method

(field_definition property: [(property_identifier) (private_property_identifier)] @name) @def.field
(program (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @def.function)
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @def.function))
(program (lexical_declaration (variable_declarator name: (identifier) @name value: (_)) @def.variable))
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: (_)) @def.variable)))
(program (variable_declaration (variable_declarator name: (identifier) @name) @def.variable))
