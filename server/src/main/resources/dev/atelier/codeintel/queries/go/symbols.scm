(package_clause (package_identifier) @package)
(function_declaration name: (identifier) @name body: (block)? @body) @def.function
(method_declaration
  receiver: (parameter_list (parameter_declaration type: [(type_identifier) @receiver (pointer_type (type_identifier) @receiver) (generic_type type: (type_identifier) @receiver) (pointer_type (generic_type type: (type_identifier) @receiver))]))
  name: (field_identifier) @name body: (block)? @body) @def.method
(type_declaration (type_spec name: (type_identifier) @name type: (struct_type) @body) @def.struct)
(type_declaration (type_spec name: (type_identifier) @name type: (interface_type) @body) @def.interface)
(type_declaration (type_spec name: (type_identifier) @name type: [(type_identifier) (qualified_type) (pointer_type) (map_type) (slice_type) (array_type) (function_type) (channel_type) (generic_type)]) @def.type_alias)
(type_declaration (type_alias name: (type_identifier) @name) @def.type_alias)
(source_file (const_declaration (const_spec name: (identifier) @name) @def.constant))
(source_file (var_declaration (var_spec name: (identifier) @name) @def.variable))
(field_declaration_list (field_declaration name: (field_identifier) @name) @def.field)
(interface_type (method_elem name: (field_identifier) @name) @def.method)
