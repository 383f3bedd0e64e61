// Pick one or several from a short list by tapping chips: a picker that works the same on the phone
// and in the local browser.
import { Text, View } from '@tarojs/components';

export interface Choice {
  id: string;
  label: string;
}

interface Props {
  choices: Choice[];
  selected: string[];
  onChange: (ids: string[]) => void;
  multiple?: boolean;
  name: string;
}

export function Chooser({ choices, selected, onChange, multiple = false, name }: Props) {
  if (!choices.length) return <Text className="qw-hint">没有可选的人员</Text>;
  return (
    <View className="qw-chips" data-chooser={name}>
      {choices.map((c) => {
        const on = selected.includes(c.id);
        // A single choice stays chosen when tapped again: a required field cannot be emptied by accident.
        const toggle = () => onChange(multiple ? (on ? selected.filter((s) => s !== c.id) : [...selected, c.id]) : [c.id]);
        return (
          <Text key={c.id} className={`qw-chip${on ? ' qw-chip--on' : ''}`} data-choice={c.id} onClick={toggle}>
            {c.label}
          </Text>
        );
      })}
    </View>
  );
}
