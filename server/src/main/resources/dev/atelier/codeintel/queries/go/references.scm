(call_expression function: (identifier) @ref.call)
(call_expression function: (selector_expression operand: (_) @ref.qualifier field: (field_identifier) @ref.call))
(type_identifier) @ref.type
(qualified_type package: (package_identifier) @ref.qualifier name: (type_identifier) @ref.type)
(composite_literal type: (type_identifier) @ref.call)
(struct_type (field_declaration_list (field_declaration !name type: (type_identifier) @ref.inherit)))
(interface_type (type_elem (type_identifier) @ref.inherit))
; declared types of receivers: receivers, parameters, `var x T`, `x := T{}` and `x := &T{}`
(parameter_declaration name: (identifier) @bind.name type: (_) @bind.type)
(var_spec name: (identifier) @bind.name type: (_) @bind.type)
(short_var_declaration left: (expression_list . (identifier) @bind.name) right: (expression_list . (composite_literal type: (_) @bind.type)))
(short_var_declaration left: (expression_list . (identifier) @bind.name) right: (expression_list . (unary_expression operand: (composite_literal type: (_) @bind.type))))
(var_spec name: (identifier) @bind.name value: (expression_list . (unary_expression operand: (composite_literal type: (_) @bind.type))))
(var_spec name: (identifier) @bind.name value: (expression_list . (composite_literal type: (_) @bind.type)))
