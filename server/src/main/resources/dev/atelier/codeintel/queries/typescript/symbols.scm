; TypeScript definitions (TSX uses these files too)
(class_declaration name: (type_identifier) @name body: (class_body) @body) @def.class
(abstract_class_declaration name: (type_identifier) @name body: (class_body) @body) @def.class
(interface_declaration name: (type_identifier) @name body: (interface_body) @body) @def.interface
(type_alias_declaration name: (type_identifier) @name) @def.type_alias
(enum_declaration name: (identifier) @name body: (enum_body) @body) @def.enum
(internal_module name: [(identifier) (nested_identifier)] @name body: (statement_block) @body) @def.namespace
(module name: [(identifier) (string)] @name body: (statement_block) @body) @def.module
(method_definition name: (property_identifier) @name @_eq.constructor body: (statement_block) @body) @def.constructor
(function_declaration name: (identifier) @name body: (statement_block) @body) @def.function
(generator_function_declaration name: (identifier) @name body: (statement_block) @body) @def.function
(function_signature name: (identifier) @name) @def.function
(method_definition name: [(property_identifier) (private_property_identifier)] @name body: (statement_block) @body) @def.method
(abstract_method_signature name: (property_identifier) @name) @def.method
(method_signature name: (property_identifier) @name) @def.method
(property_signature name: (property_identifier) @name) @def.property
(public_field_definition name: [(property_identifier) (private_property_identifier)] @name) @def.field
(enum_body name: (property_identifier) @name @def.enum_member)
(enum_assignment name: (property_identifier) @name) @def.enum_member
(program (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @def.function)
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function body: (_) @body) (function_expression body: (_) @body)])) @def.function))
(program (lexical_declaration (variable_declarator name: (identifier) @name value: (_)) @def.variable))
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: (_)) @def.variable)))
(statement_block (export_statement (lexical_declaration (variable_declarator name: (identifier) @name) @def.variable)))
(program (variable_declaration (variable_declarator name: (identifier) @name) @def.variable))
