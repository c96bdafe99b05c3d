(file_scoped_namespace_declaration name: (_) @package)
(namespace_declaration name: (_) @name body: (declaration_list) @body) @def.namespace
(class_declaration name: (identifier) @name body: (declaration_list) @body) @def.class
(interface_declaration name: (identifier) @name body: (declaration_list) @body) @def.interface
(struct_declaration name: (identifier) @name body: (declaration_list) @body) @def.struct
(enum_declaration name: (identifier) @name body: (enum_member_declaration_list) @body) @def.enum
(record_declaration name: (identifier) @name) @def.record
(enum_member_declaration name: (identifier) @name) @def.enum_member
(method_declaration name: (identifier) @name body: (_)? @body) @def.method
(constructor_declaration name: (identifier) @name body: (_)? @body) @def.constructor
(property_declaration name: (identifier) @name) @def.property
(field_declaration (variable_declaration (variable_declarator name: (identifier) @name))) @def.field
(delegate_declaration name: (identifier) @name) @def.type_alias
(event_field_declaration (variable_declaration (variable_declarator name: (identifier) @name))) @def.field
