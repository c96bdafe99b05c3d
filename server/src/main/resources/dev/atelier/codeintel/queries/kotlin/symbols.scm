(package_header (identifier) @package)
(class_declaration "interface" (type_identifier) @name (class_body)? @body) @def.interface
(class_declaration (type_identifier) @name (enum_class_body) @body) @def.enum
(class_declaration (type_identifier) @name (class_body)? @body) @def.class
(object_declaration (type_identifier) @name (class_body)? @body) @def.class
(enum_entry (simple_identifier) @name) @def.enum_member
(function_declaration (simple_identifier) @name (function_body)? @body) @def.function
(class_body (property_declaration (variable_declaration (simple_identifier) @name)) @def.property)
(source_file (property_declaration (variable_declaration (simple_identifier) @name)) @def.variable)
(type_alias (type_identifier) @name) @def.type_alias
(class_declaration (primary_constructor (class_parameter (binding_pattern_kind) (simple_identifier) @name) @def.property))
