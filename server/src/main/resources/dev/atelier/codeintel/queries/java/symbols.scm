; Java definitions
(package_declaration [(scoped_identifier) (identifier)] @package)

(class_declaration name: (identifier) @name body: (class_body) @body) @def.class
(interface_declaration name: (identifier) @name body: (interface_body) @body) @def.interface
(annotation_type_declaration name: (identifier) @name body: (annotation_type_body) @body) @def.interface
(enum_declaration name: (identifier) @name body: (enum_body) @body) @def.enum
(record_declaration name: (identifier) @name body: (class_body) @body) @def.record
(method_declaration name: (identifier) @name body: (block)? @body) @def.method
(constructor_declaration name: (identifier) @name body: (constructor_body) @body) @def.constructor
(compact_constructor_declaration name: (identifier) @name body: (block) @body) @def.constructor
(annotation_type_element_declaration name: (identifier) @name) @def.method
(enum_constant name: (identifier) @name) @def.enum_member
(field_declaration declarator: (variable_declarator name: (identifier) @name)) @def.field
(constant_declaration declarator: (variable_declarator name: (identifier) @name)) @def.constant
