/*
 * ast.c - tree-sitter Go grammar symbols and small AST helpers.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "golang/golang.h"

const TSLanguage *tree_sitter_go(void);

const TSLanguage *go_language(void)
{
	return tree_sitter_go();
}

static struct go_syms go__syms;
static pthread_once_t go__once = PTHREAD_ONCE_INIT;

static void go__sym(TSSymbol *out, const char *name, bool named)
{
	TSSymbol s = ts_language_symbol_for_name(go_language(), name,
						 (uint32_t)strlen(name), named);

	if (s == 0) {
		fprintf(stderr, "leakhound: grammar has no node type '%s'\n",
			name);
		abort();
	}
	*out = s;
}

static void go__fld(TSFieldId *out, const char *name)
{
	TSFieldId f = ts_language_field_id_for_name(go_language(), name,
						    (uint32_t)strlen(name));

	if (f == 0) {
		fprintf(stderr, "leakhound: grammar has no field '%s'\n", name);
		abort();
	}
	*out = f;
}

static void go__init(void)
{
	struct go_syms *s = &go__syms;

	go__sym(&s->source_file, "source_file", true);
	go__sym(&s->package_clause, "package_clause", true);
	go__sym(&s->import_declaration, "import_declaration", true);
	go__sym(&s->import_spec, "import_spec", true);
	go__sym(&s->function_declaration, "function_declaration", true);
	go__sym(&s->method_declaration, "method_declaration", true);
	go__sym(&s->func_literal, "func_literal", true);
	go__sym(&s->var_declaration, "var_declaration", true);
	go__sym(&s->var_spec, "var_spec", true);
	go__sym(&s->const_declaration, "const_declaration", true);
	go__sym(&s->const_spec, "const_spec", true);
	go__sym(&s->type_declaration, "type_declaration", true);
	go__sym(&s->type_spec, "type_spec", true);
	go__sym(&s->short_var_declaration, "short_var_declaration", true);
	go__sym(&s->assignment_statement, "assignment_statement", true);
	go__sym(&s->inc_statement, "inc_statement", true);
	go__sym(&s->dec_statement, "dec_statement", true);
	go__sym(&s->expression_statement, "expression_statement", true);
	go__sym(&s->call_expression, "call_expression", true);
	go__sym(&s->selector_expression, "selector_expression", true);
	go__sym(&s->identifier, "identifier", true);
	go__sym(&s->field_identifier, "field_identifier", true);
	go__sym(&s->package_identifier, "package_identifier", true);
	go__sym(&s->type_identifier, "type_identifier", true);
	go__sym(&s->blank_identifier, "blank_identifier", true);
	go__sym(&s->block, "block", true);
	go__sym(&s->if_statement, "if_statement", true);
	go__sym(&s->for_statement, "for_statement", true);
	go__sym(&s->range_clause, "range_clause", true);
	go__sym(&s->for_clause, "for_clause", true);
	go__sym(&s->expression_switch_statement, "expression_switch_statement", true);
	go__sym(&s->type_switch_statement, "type_switch_statement", true);
	go__sym(&s->select_statement, "select_statement", true);
	go__sym(&s->expression_case, "expression_case", true);
	go__sym(&s->default_case, "default_case", true);
	go__sym(&s->type_case, "type_case", true);
	go__sym(&s->communication_case, "communication_case", true);
	go__sym(&s->return_statement, "return_statement", true);
	go__sym(&s->defer_statement, "defer_statement", true);
	go__sym(&s->go_statement, "go_statement", true);
	go__sym(&s->send_statement, "send_statement", true);
	go__sym(&s->receive_statement, "receive_statement", true);
	go__sym(&s->unary_expression, "unary_expression", true);
	go__sym(&s->binary_expression, "binary_expression", true);
	go__sym(&s->labeled_statement, "labeled_statement", true);
	go__sym(&s->break_statement, "break_statement", true);
	go__sym(&s->continue_statement, "continue_statement", true);
	go__sym(&s->goto_statement, "goto_statement", true);
	go__sym(&s->fallthrough_statement, "fallthrough_statement", true);
	go__sym(&s->expression_list, "expression_list", true);
	go__sym(&s->argument_list, "argument_list", true);
	go__sym(&s->parameter_list, "parameter_list", true);
	go__sym(&s->parameter_declaration, "parameter_declaration", true);
	go__sym(&s->variadic_parameter_declaration, "variadic_parameter_declaration", true);
	go__sym(&s->composite_literal, "composite_literal", true);
	go__sym(&s->literal_value, "literal_value", true);
	go__sym(&s->keyed_element, "keyed_element", true);
	go__sym(&s->literal_element, "literal_element", true);
	go__sym(&s->index_expression, "index_expression", true);
	go__sym(&s->slice_expression, "slice_expression", true);
	go__sym(&s->parenthesized_expression, "parenthesized_expression", true);
	go__sym(&s->type_assertion_expression, "type_assertion_expression", true);
	go__sym(&s->type_conversion_expression, "type_conversion_expression", true);
	go__sym(&s->pointer_type, "pointer_type", true);
	go__sym(&s->qualified_type, "qualified_type", true);
	go__sym(&s->generic_type, "generic_type", true);
	go__sym(&s->map_type, "map_type", true);
	go__sym(&s->slice_type, "slice_type", true);
	go__sym(&s->array_type, "array_type", true);
	go__sym(&s->channel_type, "channel_type", true);
	go__sym(&s->struct_type, "struct_type", true);
	go__sym(&s->interface_type, "interface_type", true);
	go__sym(&s->function_type, "function_type", true);
	go__sym(&s->int_literal, "int_literal", true);
	go__sym(&s->interpreted_string_literal, "interpreted_string_literal", true);
	go__sym(&s->raw_string_literal, "raw_string_literal", true);
	go__sym(&s->nil, "nil", true);
	go__sym(&s->true_, "true", true);
	go__sym(&s->false_, "false", true);
	go__sym(&s->iota, "iota", true);
	go__sym(&s->comment, "comment", true);
	go__sym(&s->empty_statement, "empty_statement", true);
	go__sym(&s->field_declaration, "field_declaration", true);
	go__sym(&s->field_declaration_list, "field_declaration_list", true);
	go__sym(&s->label_name, "label_name", true);
	go__sym(&s->var_spec_list, "var_spec_list", true);
	go__sym(&s->import_spec_list, "import_spec_list", true);
	go__sym(&s->type_alias, "type_alias", true);
	go__sym(&s->float_literal, "float_literal", true);
	go__sym(&s->rune_literal, "rune_literal", true);
	go__sym(&s->variadic_argument, "variadic_argument", true);
	go__sym(&s->type_instantiation_expression, "type_instantiation_expression", true);
	go__sym(&s->implicit_length_array_type, "implicit_length_array_type", true);
	go__sym(&s->dot, "dot", true);
	go__sym(&s->parenthesized_type, "parenthesized_type", true);
	go__sym(&s->type_parameter_list, "type_parameter_list", true);
	go__sym(&s->interpreted_string_literal_content, "interpreted_string_literal_content", true);
	go__sym(&s->raw_string_literal_content, "raw_string_literal_content", true);
	go__sym(&s->escape_sequence, "escape_sequence", true);
	go__sym(&s->method_elem, "method_elem", true);
	go__fld(&s->f_function, "function");
	go__fld(&s->f_arguments, "arguments");
	go__fld(&s->f_operand, "operand");
	go__fld(&s->f_field, "field");
	go__fld(&s->f_name, "name");
	go__fld(&s->f_left, "left");
	go__fld(&s->f_right, "right");
	go__fld(&s->f_body, "body");
	go__fld(&s->f_condition, "condition");
	go__fld(&s->f_consequence, "consequence");
	go__fld(&s->f_alternative, "alternative");
	go__fld(&s->f_initializer, "initializer");
	go__fld(&s->f_update, "update");
	go__fld(&s->f_value, "value");
	go__fld(&s->f_type, "type");
	go__fld(&s->f_parameters, "parameters");
	go__fld(&s->f_result, "result");
	go__fld(&s->f_receiver, "receiver");
	go__fld(&s->f_path, "path");
	go__fld(&s->f_label, "label");
	go__fld(&s->f_channel, "channel");
	go__fld(&s->f_communication, "communication");
	go__fld(&s->f_index, "index");
	go__fld(&s->f_start, "start");
	go__fld(&s->f_end, "end");
	go__fld(&s->f_capacity, "capacity");
	go__fld(&s->f_operator, "operator");
	go__fld(&s->f_key, "key");
	go__fld(&s->f_element, "element");
	go__fld(&s->f_alias, "alias");
	go__fld(&s->f_type_arguments, "type_arguments");
	go__fld(&s->f_package, "package");
	go__fld(&s->f_length, "length");
}

_Atomic(const struct go_syms *) go__syms_ready;

const struct go_syms *go_syms(void)
{
	pthread_once(&go__once, go__init);
	atomic_store_explicit(&go__syms_ready, &go__syms,
			      memory_order_release);
	return &go__syms;
}

void go_named_children(GNode n, go_node_vec *out)
{
	for (GNode c = gn__first(n); !gn_is_null(c); c = gn__next(c)) {
		if (gn__rec(c)->flags & GN_NAMED)
			VEC_PUSH(out, c);
	}
}

const char *go_text(const struct gofile *f, GNode n, size_t *len)
{
	uint32_t a, b;

	if (gn_is_null(n)) {
		*len = 0;
		return "";
	}
	a = gn_start_byte(n);
	b = gn_end_byte(n);
	if (b > f->len || a > b) {
		*len = 0;
		return "";
	}
	*len = b - a;
	return f->src + a;
}

static bool go__ident_byte(unsigned char c)
{
	return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const char *go_ident_text(const struct gofile *f, GNode id, size_t *len)
{
	uint32_t a, b;

	if (gn_is_null(id)) {
		*len = 0;
		return "";
	}
	a = b = gn_start_byte(id);
	while (b < f->len && go__ident_byte((unsigned char)f->src[b]))
		b++;
	*len = b - a;
	return f->src + a;
}

bool go_text_is(const struct gofile *f, GNode n, const char *lit)
{
	size_t len;
	const char *s = go_text(f, n, &len);

	return str_eqn(s, len, lit);
}

char *go_text_dup(const struct gofile *f, GNode n)
{
	size_t len;
	const char *s = go_text(f, n, &len);

	return arena_strndup(&f->pkg->arena, s, len);
}

void go_pos(GNode n, uint32_t *line, uint32_t *col)
{
	TSPoint p = gn_start_point(n);

	*line = p.row + 1;
	*col = p.column + 1;
}

const char *go_line(const struct gofile *f, uint32_t line, size_t *len)
{
	uint32_t a, b;

	if (line == 0 || line > f->nlines) {
		*len = 0;
		return "";
	}
	a = f->line_starts[line - 1];
	b = line < f->nlines ? f->line_starts[line] : (uint32_t)f->len;
	while (b > a && (f->src[b - 1] == '\n' || f->src[b - 1] == '\r'))
		b--;
	*len = b - a;
	return f->src + a;
}

GNode go_unparen(GNode n)
{
	while (!gn_is_null(n) &&
	       gn_symbol(n) == GS->parenthesized_expression &&
	       gn_named_child_count(n) == 1)
		n = gn_named_child(n, 0);
	return n;
}

const char *go_import_path(const struct gofile *f, const char *name, size_t len)
{
	for (size_t i = 0; i < f->nimports; i++) {
		if (str_eqn(name, len, f->imports[i].name))
			return f->imports[i].path;
	}
	return NULL;
}

bool go_selector_import(const struct gofile *f, GNode sel, const char **path,
			const char **name, size_t *name_len)
{
	GNode op, fld;
	const char *s;
	size_t len;

	sel = go_unparen(sel);
	if (gn_is_null(sel) || gn_symbol(sel) != GS->selector_expression)
		return false;
	op = go_field(sel, f_operand);
	fld = go_field(sel, f_field);
	if (gn_is_null(op) || gn_is_null(fld) ||
	    gn_symbol(op) != GS->identifier)
		return false;
	s = go_text(f, op, &len);
	*path = go_import_path(f, s, len);
	if (!*path)
		return false;
	*name = go_text(f, fld, name_len);
	return true;
}
